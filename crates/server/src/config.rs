//! Settings: defaults, then a TOML file (`--config FILE` or `TRELLIS_CONFIG`), then `TRELLIS_*`
//! environment variables; every value is checked at start and every bad one is reported.

use std::collections::HashMap;
use std::fmt;
use std::path::PathBuf;

/// Everything the server can be told.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// Address to listen on, `host:port` (`addr`, `TRELLIS_ADDR`).
    pub addr: String,
    /// SQLite database file (`database`, `TRELLIS_DB`).
    pub db: String,
    /// The built SPA (`dist`, `TRELLIS_DIST`).
    pub dist: PathBuf,
    /// Mark the session cookie `Secure`, for HTTPS (`secure_cookies`, `TRELLIS_SECURE_COOKIES`).
    pub secure_cookies: bool,
    /// A session ends this long after login (`session_hours`, `TRELLIS_SESSION_HOURS`).
    pub session_hours: i64,
    /// A session ends after this long unused (`idle_minutes`, `TRELLIS_IDLE_MINUTES`).
    pub idle_minutes: i64,
    /// The largest request body, uploads included (`max_body_kb`, `TRELLIS_MAX_BODY_KB`).
    pub max_body_kb: usize,
    /// Log filter, e.g. `info` or `warn,server=debug` (`log`, `TRELLIS_LOG`).
    pub log: String,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            addr: "127.0.0.1:8080".into(),
            db: "./data/trellis.db".into(),
            dist: PathBuf::from("./dist"),
            secure_cookies: false,
            session_hours: crate::auth::SESSION_SECONDS / 3600,
            idle_minutes: crate::auth::IDLE_SECONDS / 60,
            max_body_kb: crate::MAX_BODY_BYTES / 1024,
            log: "info,sqlx=warn".into(),
        }
    }
}

/// One bad setting: where it came from and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    /// `TRELLIS_SESSION_HOURS`, or `trellis.toml: session_hours`.
    pub source: String,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.source, self.message)
    }
}

/// (file key, environment variable) of every setting.
const KEYS: [(&str, &str); 8] = [
    ("addr", "TRELLIS_ADDR"),
    ("database", "TRELLIS_DB"),
    ("dist", "TRELLIS_DIST"),
    ("secure_cookies", "TRELLIS_SECURE_COOKIES"),
    ("session_hours", "TRELLIS_SESSION_HOURS"),
    ("idle_minutes", "TRELLIS_IDLE_MINUTES"),
    ("max_body_kb", "TRELLIS_MAX_BODY_KB"),
    ("log", "TRELLIS_LOG"),
];

impl Config {
    /// Reads `file` (if any) and then `env` (the process environment, as pairs) over the defaults.
    pub fn load(
        file: Option<(&str, &str)>,
        env: &HashMap<String, String>,
    ) -> Result<Config, Vec<ConfigError>> {
        let mut raw: HashMap<&str, (String, String)> = HashMap::new();
        let mut errors = Vec::new();
        if let Some((name, text)) = file {
            match text.parse::<toml_edit::Document>() {
                Err(e) => errors.push(ConfigError {
                    source: name.to_string(),
                    message: format!("is not valid TOML: {}", e.to_string().trim()),
                }),
                Ok(doc) => {
                    for (key, item) in doc.iter() {
                        let source = format!("{name}: {key}");
                        let Some((k, _)) = KEYS.iter().find(|(k, _)| *k == key) else {
                            let known: Vec<_> = KEYS.iter().map(|(k, _)| *k).collect();
                            errors.push(ConfigError {
                                source,
                                message: format!("is not a setting (known: {})", known.join(", ")),
                            });
                            continue;
                        };
                        let value = match item.as_value() {
                            Some(v) if v.as_str().is_some() => v.as_str().unwrap_or("").to_string(),
                            Some(v) if v.as_bool().is_some() => {
                                v.as_bool().unwrap_or(false).to_string()
                            }
                            Some(v) if v.as_integer().is_some() => {
                                v.as_integer().unwrap_or(0).to_string()
                            }
                            _ => {
                                errors.push(ConfigError {
                                    source,
                                    message: "must be a string, a number or true/false".into(),
                                });
                                continue;
                            }
                        };
                        raw.insert(k, (source, value));
                    }
                }
            }
        }
        for (key, var) in KEYS {
            if let Some(v) = env.get(var) {
                raw.insert(key, (var.to_string(), v.clone()));
            }
        }
        let mut config = Config::default();
        let mut bad = |source: &str, message: &str| {
            errors.push(ConfigError {
                source: source.to_string(),
                message: message.to_string(),
            })
        };
        for (key, (source, value)) in &raw {
            let value = value.trim();
            let number =
                |lo: i64, hi: i64| value.parse::<i64>().ok().filter(|n| (lo..=hi).contains(n));
            match *key {
                "addr" => match value.rsplit_once(':') {
                    Some((host, port)) if !host.is_empty() && port.parse::<u16>().is_ok() => {
                        config.addr = value.to_string()
                    }
                    _ => bad(
                        source,
                        "must be host:port, e.g. 127.0.0.1:8080 or 0.0.0.0:80",
                    ),
                },
                "database" if value.is_empty() => bad(source, "must name a database file"),
                "database" => config.db = value.to_string(),
                "dist" => config.dist = PathBuf::from(value),
                "secure_cookies" => match value {
                    "1" | "true" | "yes" => config.secure_cookies = true,
                    "0" | "false" | "no" => config.secure_cookies = false,
                    _ => bad(source, "must be true or false"),
                },
                "session_hours" => match number(1, 720) {
                    Some(n) => config.session_hours = n,
                    None => bad(source, "must be a whole number of hours from 1 to 720"),
                },
                "idle_minutes" => match number(5, 43_200) {
                    Some(n) => config.idle_minutes = n,
                    None => bad(source, "must be a whole number of minutes from 5 to 43200"),
                },
                "max_body_kb" => match number(64, 65_536) {
                    Some(n) => config.max_body_kb = n as usize,
                    None => bad(source, "must be a whole number of KiB from 64 to 65536"),
                },
                "log" => match tracing_subscriber::EnvFilter::try_new(value) {
                    Ok(_) => config.log = value.to_string(),
                    Err(e) => bad(source, &format!("is not a log filter ({e})")),
                },
                _ => {}
            }
        }
        if errors.is_empty() && config.idle_minutes > config.session_hours * 60 {
            errors.push(ConfigError {
                source: "idle_minutes".into(),
                message: format!(
                    "({}) must not exceed the session lifetime ({} hours)",
                    config.idle_minutes, config.session_hours
                ),
            });
        }
        if errors.is_empty() {
            Ok(config)
        } else {
            errors.sort_by(|a, b| a.source.cmp(&b.source));
            Err(errors)
        }
    }

    /// The configuration of this process: `--config FILE` (or `TRELLIS_CONFIG`) and the environment.
    pub fn from_process(config_arg: Option<&str>) -> Result<Config, Vec<ConfigError>> {
        let env: HashMap<String, String> = std::env::vars().collect();
        let path = config_arg
            .map(str::to_string)
            .or_else(|| env.get("TRELLIS_CONFIG").cloned());
        let text = match &path {
            None => None,
            Some(p) => Some(std::fs::read_to_string(p).map_err(|e| {
                vec![ConfigError {
                    source: p.clone(),
                    message: format!("cannot be read: {e}"),
                }]
            })?),
        };
        let file = path.as_deref().zip(text.as_deref());
        Config::load(file, &env)
    }

    /// The absolute session lifetime in seconds.
    pub fn session_seconds(&self) -> i64 {
        self.session_hours * 3600
    }

    /// The idle session lifetime in seconds.
    pub fn idle_seconds(&self) -> i64 {
        self.idle_minutes * 60
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn the_environment_wins_over_the_file_and_the_file_over_defaults() {
        let file =
            "addr = \"0.0.0.0:9000\"\nsession_hours = 8\nsecure_cookies = true\nlog = \"warn\"\n";
        let config = Config::load(
            Some(("trellis.toml", file)),
            &env(&[
                ("TRELLIS_SESSION_HOURS", "4"),
                ("TRELLIS_DB", "/var/lib/t.db"),
            ]),
        )
        .unwrap();
        assert_eq!(config.addr, "0.0.0.0:9000");
        assert_eq!(config.session_hours, 4);
        assert_eq!(config.db, "/var/lib/t.db");
        assert!(config.secure_cookies);
        assert_eq!(config.log, "warn");
        assert_eq!(config.idle_minutes, Config::default().idle_minutes);
        assert_eq!(Config::load(None, &env(&[])).unwrap(), Config::default());
    }

    #[test]
    fn every_bad_setting_is_named_with_where_it_came_from() {
        let file = "adress = \"x\"\nmax_body_kb = 10\nsession_hours = [1]\n";
        let errors = Config::load(
            Some(("trellis.toml", file)),
            &env(&[
                ("TRELLIS_ADDR", "8080"),
                ("TRELLIS_IDLE_MINUTES", "soon"),
                ("TRELLIS_SECURE_COOKIES", "maybe"),
                ("TRELLIS_LOG", "info,=[bad"),
            ]),
        )
        .unwrap_err();
        let sources: Vec<_> = errors.iter().map(|e| e.source.as_str()).collect();
        assert_eq!(
            sources,
            [
                "TRELLIS_ADDR",
                "TRELLIS_IDLE_MINUTES",
                "TRELLIS_LOG",
                "TRELLIS_SECURE_COOKIES",
                "trellis.toml: adress",
                "trellis.toml: max_body_kb",
                "trellis.toml: session_hours",
            ]
        );
        assert!(errors[0].to_string().contains("must be host:port"));
        assert!(errors[4].message.contains("known: addr, database"));
        let broken = Config::load(Some(("t.toml", "addr = ")), &env(&[])).unwrap_err();
        assert!(broken[0].message.starts_with("is not valid TOML"));
        let idle = Config::load(
            None,
            &env(&[
                ("TRELLIS_SESSION_HOURS", "1"),
                ("TRELLIS_IDLE_MINUTES", "90"),
            ]),
        )
        .unwrap_err();
        assert!(idle[0].message.contains("must not exceed"));
    }
}
