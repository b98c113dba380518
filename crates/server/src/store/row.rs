//! Typed rows: any serde type decoded straight from a row, its fields matched to the columns by
//! name, with no JSON object in between. Text columns are lent to the type, not copied twice.

use serde::de::value::{BorrowedStrDeserializer, MapDeserializer};
use serde::de::{self, DeserializeOwned, IntoDeserializer, Visitor};
use serde::forward_to_deserialize_any;
use sqlx::sqlite::{SqliteRow, SqliteValueRef};
use sqlx::{Column, Decode, Row, Sqlite, TypeInfo, ValueRef};

use crate::error::{Error, Result};

/// A row decoded into `T` through its columns' names; `what` names the type in the error.
pub fn decode<T: DeserializeOwned>(row: &SqliteRow, what: &str) -> Result<T> {
    let columns = row
        .columns()
        .iter()
        .enumerate()
        .map(|(i, c)| (BorrowedStrDeserializer::new(c.name()), Cell { row, i }));
    T::deserialize(MapDeserializer::new(columns))
        .map_err(|e: DecodeError| Error::Internal(format!("{what} row does not decode: {e}")))
}

/// Why a row did not decode.
#[derive(Debug)]
pub struct DecodeError(String);

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DecodeError {}

impl de::Error for DecodeError {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        DecodeError(msg.to_string())
    }
}

impl From<sqlx::Error> for DecodeError {
    fn from(e: sqlx::Error) -> Self {
        DecodeError(e.to_string())
    }
}

/// One column of one row.
#[derive(Clone, Copy)]
struct Cell<'r> {
    row: &'r SqliteRow,
    i: usize,
}

/// What a column holds, as SQLite stores it.
enum Stored<'r> {
    Null,
    Integer(i64),
    Real(f64),
    Text(&'r str),
}

impl<'r> Cell<'r> {
    fn stored(self) -> std::result::Result<Stored<'r>, DecodeError> {
        let raw: SqliteValueRef<'r> = self.row.try_get_raw(self.i)?;
        if raw.is_null() {
            return Ok(Stored::Null);
        }
        let decoded = match raw.type_info().name() {
            "INTEGER" => <i64 as Decode<Sqlite>>::decode(raw).map(Stored::Integer),
            "REAL" => <f64 as Decode<Sqlite>>::decode(raw).map(Stored::Real),
            _ => <&str as Decode<Sqlite>>::decode(raw).map(Stored::Text),
        };
        decoded.map_err(|e| DecodeError(e.to_string()))
    }
}

impl<'de> IntoDeserializer<'de, DecodeError> for Cell<'de> {
    type Deserializer = Self;

    fn into_deserializer(self) -> Self {
        self
    }
}

impl<'de> de::Deserializer<'de> for Cell<'de> {
    type Error = DecodeError;

    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> std::result::Result<V::Value, DecodeError> {
        match self.stored()? {
            Stored::Null => v.visit_unit(),
            Stored::Integer(n) => v.visit_i64(n),
            Stored::Real(x) => v.visit_f64(x),
            Stored::Text(s) => v.visit_borrowed_str(s),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(
        self,
        v: V,
    ) -> std::result::Result<V::Value, DecodeError> {
        match self.stored()? {
            Stored::Null => v.visit_none(),
            _ => v.visit_some(self),
        }
    }

    /// SQLite keeps booleans as 0 and 1.
    fn deserialize_bool<V: Visitor<'de>>(self, v: V) -> std::result::Result<V::Value, DecodeError> {
        match self.stored()? {
            Stored::Integer(n) => v.visit_bool(n != 0),
            _ => self.deserialize_any(v),
        }
    }

    /// Unit variants are stored by their wire name.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        v: V,
    ) -> std::result::Result<V::Value, DecodeError> {
        match self.stored()? {
            Stored::Text(s) => v.visit_enum(BorrowedStrDeserializer::new(s)),
            _ => self.deserialize_any(v),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        v: V,
    ) -> std::result::Result<V::Value, DecodeError> {
        v.visit_newtype_struct(self)
    }

    forward_to_deserialize_any! {
        i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;
    use sqlx::SqlitePool;

    #[derive(Deserialize, Debug, PartialEq)]
    #[serde(rename_all = "snake_case")]
    enum Colour {
        Dark,
        Light,
    }

    #[derive(Deserialize, Debug, PartialEq)]
    struct Thing {
        id: String,
        count: u32,
        share: f64,
        active: bool,
        colour: Colour,
        note: Option<String>,
        missing: Option<i64>,
    }

    #[tokio::test]
    async fn a_row_decodes_into_its_type_by_column_name() {
        let db = SqlitePool::connect("sqlite::memory:").await.unwrap();
        let row = sqlx::query(
            "SELECT 'thing_1' AS id, 3 AS count, 2 AS share, 1 AS active, 'light' AS colour,
                    NULL AS note, NULL AS missing, 'extra' AS unknown",
        )
        .fetch_one(&db)
        .await
        .unwrap();
        let thing: Thing = super::decode(&row, "Thing").unwrap();
        assert_eq!(
            thing,
            Thing {
                id: "thing_1".into(),
                count: 3,
                share: 2.0,
                active: true,
                colour: Colour::Light,
                note: None,
                missing: None,
            }
        );
        let row = sqlx::query("SELECT 'x' AS id, -1 AS count")
            .fetch_one(&db)
            .await
            .unwrap();
        let err = format!("{:?}", super::decode::<Thing>(&row, "Thing").unwrap_err());
        assert!(err.contains("Thing row does not decode"), "{err}");
        let _ = Colour::Dark;
    }
}
