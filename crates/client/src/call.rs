//! One call to a backend, with its inputs type-erased so `PrmBackend` stays object-safe: an
//! in-process backend takes each input back as its own type, the REST backend takes its wire
//! form. The typed methods that build these calls are written once, in `lib.rs`.

use std::any::Any;
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::task::{Context, Poll};

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use trellis_api::endpoints::query_string;

use crate::{ClientError, ClientResult};

/// A path parameter or the query of a call.
pub trait Arg: Any {
    /// The value itself, for a backend in the same process.
    fn value(&self) -> &dyn Any;
    /// As JSON values, for a path segment or a query string.
    fn wire(&self) -> ClientResult<Value>;
}

impl<T: Serialize + 'static> Arg for T {
    fn value(&self) -> &dyn Any {
        self
    }

    fn wire(&self) -> ClientResult<Value> {
        serde_json::to_value(self).map_err(|e| ClientError::Decode(e.to_string()))
    }
}

/// The body of a call. Apart from [`Arg`] so each type carries only the encoding it needs.
pub trait Body: Any {
    /// The value itself, for a backend in the same process.
    fn value(&self) -> &dyn Any;
    /// As JSON, for a body on the wire.
    fn json(&self) -> ClientResult<String>;
}

impl<T: Serialize + 'static> Body for T {
    fn value(&self) -> &dyn Any {
        self
    }

    fn json(&self) -> ClientResult<String> {
        serde_json::to_string(self).map_err(|e| ClientError::Decode(e.to_string()))
    }
}

/// One call's inputs, in the endpoint's terms.
#[derive(Default)]
pub struct Request<'a> {
    /// The values of the path template's placeholders, in order.
    pub params: Vec<Box<dyn Arg>>,
    pub query: Option<&'a dyn Arg>,
    pub body: Option<&'a dyn Body>,
}

impl Request<'_> {
    /// Path parameter `i` as its own type.
    pub fn param<T: 'static>(&self, i: usize) -> ClientResult<&T> {
        let arg = self
            .params
            .get(i)
            .ok_or_else(|| missing("path parameter"))?;
        arg.value()
            .downcast_ref()
            .ok_or_else(|| missing("path parameter"))
    }

    /// Path parameter `i`, an id.
    pub fn id(&self, i: usize) -> ClientResult<&str> {
        self.param::<String>(i).map(String::as_str)
    }

    /// The query as its own type.
    pub fn query<T: 'static>(&self) -> ClientResult<&T> {
        let arg = self.query.ok_or_else(|| missing("query"))?;
        arg.value().downcast_ref().ok_or_else(|| missing("query"))
    }

    /// The body as its own type.
    pub fn body<T: 'static>(&self) -> ClientResult<&T> {
        let body = self.body.ok_or_else(|| missing("body"))?;
        body.value().downcast_ref().ok_or_else(|| missing("body"))
    }

    /// The path parameters as URL path segments.
    pub fn segments(&self) -> ClientResult<Vec<String>> {
        self.params.iter().map(|p| Ok(text(p.wire()?))).collect()
    }

    /// `?a=1&b=x%20y` for the query's fields that have a value (none: empty).
    pub fn query_string(&self) -> ClientResult<String> {
        match self.query {
            Some(query) => Ok(query_string(&query.wire()?)),
            None => Ok(String::new()),
        }
    }
}

/// What a backend answered.
pub enum Reply {
    /// The body of an HTTP answer (empty for 204).
    Json(String),
    /// The value itself, from a backend in the same process.
    Value(Box<dyn Any>),
}

impl Reply {
    /// The answer of an in-process step.
    pub fn of<T: 'static>(value: T) -> Self {
        Reply::Value(Box::new(value))
    }

    /// The answer as the type the endpoint gives.
    pub fn decode<T: DeserializeOwned + 'static>(self) -> ClientResult<T> {
        match self {
            // 204 carries no body; `()` decodes from `null`.
            Reply::Json(text) if text.is_empty() => {
                serde_json::from_str("null").map_err(|e| ClientError::Decode(e.to_string()))
            }
            Reply::Json(text) => {
                serde_json::from_str(&text).map_err(|e| ClientError::Decode(e.to_string()))
            }
            Reply::Value(value) => value
                .downcast()
                .map(|v| *v)
                .map_err(|_| ClientError::Decode("the backend answered another type".into())),
        }
    }
}

/// A typed call in flight: the backend's reply, decoded as the endpoint's type when it comes.
/// A plain future rather than an `async fn` per typed method, so each method stays a few
/// instructions in the wasm.
pub struct Call<'a, T> {
    reply: Pin<Box<dyn Future<Output = ClientResult<Reply>> + 'a>>,
    decoded: PhantomData<fn() -> T>,
}

impl<'a, T> Call<'a, T> {
    /// The call whose reply `reply` brings.
    pub fn new(reply: Pin<Box<dyn Future<Output = ClientResult<Reply>> + 'a>>) -> Self {
        Self {
            reply,
            decoded: PhantomData,
        }
    }
}

impl<T: DeserializeOwned + 'static> Future for Call<'_, T> {
    type Output = ClientResult<T>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        self.reply
            .as_mut()
            .poll(cx)
            .map(|reply| reply.and_then(Reply::decode))
    }
}

fn missing(what: &str) -> ClientError {
    ClientError::Decode(format!("the call's {what} is missing or of another type"))
}

/// A wire value as text: strings as they are, anything else as JSON.
fn text(value: Value) -> String {
    match value {
        Value::String(s) => s,
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::{Reply, Request};
    use trellis_api::ListQuery;

    #[test]
    fn query_strings_encode_the_set_fields() {
        let none = ListQuery::default();
        let request = Request {
            query: Some(&none),
            ..Default::default()
        };
        assert_eq!(request.query_string().unwrap(), "");
        let q = ListQuery {
            q: Some("Acme & Co/ü".into()),
            limit: Some(5),
            ..Default::default()
        };
        let request = Request {
            query: Some(&q),
            params: vec![Box::new(String::from("a/b")), Box::new(7_i64)],
            body: None,
        };
        assert_eq!(
            request.query_string().unwrap(),
            "?limit=5&q=Acme%20%26%20Co%2F%C3%BC"
        );
        assert_eq!(request.segments().unwrap(), ["a/b", "7"]);
        assert_eq!(request.id(0).unwrap(), "a/b");
        assert_eq!(*request.param::<i64>(1).unwrap(), 7);
        assert!(request.body::<ListQuery>().is_err());
        assert_eq!(request.query::<ListQuery>().unwrap(), &q);
    }

    #[test]
    fn replies_decode_from_json_or_as_values() {
        assert_eq!(
            Reply::Json("[1,2]".into()).decode::<Vec<u8>>().unwrap(),
            [1, 2]
        );
        Reply::Json(String::new()).decode::<()>().unwrap();
        assert_eq!(Reply::of(3_u8).decode::<u8>().unwrap(), 3);
        assert!(Reply::of(3_u8).decode::<String>().is_err());
    }
}
