//! Sending one HTTP request: fetch in the browser, reqwest natively (so tests can run the real client).

use crate::ClientError;

/// The HTTP methods the API uses.
#[derive(Clone, Copy, Debug)]
pub enum Method {
    Get,
    Post,
    Put,
}

/// A raw answer: status and body text.
pub struct Answer {
    pub status: u16,
    pub body: String,
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::*;
    use gloo_net::http::Request;
    use web_sys::RequestCredentials;

    /// Browser transport: fetch, sending the session cookie.
    #[derive(Clone, Default)]
    pub struct Transport;

    impl Transport {
        pub fn new() -> Self {
            Transport
        }

        pub async fn send(
            &self,
            method: Method,
            url: &str,
            body: Option<String>,
        ) -> Result<Answer, ClientError> {
            let builder = match method {
                Method::Get => Request::get(url),
                Method::Post => Request::post(url),
                Method::Put => Request::put(url),
            }
            .credentials(RequestCredentials::Include)
            .header("accept", "application/json");
            let request = match body {
                Some(b) => builder.header("content-type", "application/json").body(b),
                None => builder.build(),
            }
            .map_err(|e| ClientError::Network(e.to_string()))?;
            let response = request
                .send()
                .await
                .map_err(|e| ClientError::Network(e.to_string()))?;
            let status = response.status();
            let body = response
                .text()
                .await
                .map_err(|e| ClientError::Network(e.to_string()))?;
            Ok(Answer { status, body })
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::*;

    /// Native transport: reqwest with a cookie store, one session per backend.
    #[derive(Clone)]
    pub struct Transport(reqwest::Client);

    impl Transport {
        pub fn new() -> Self {
            Transport(
                reqwest::Client::builder()
                    .cookie_store(true)
                    .build()
                    .unwrap_or_default(),
            )
        }

        pub async fn send(
            &self,
            method: Method,
            url: &str,
            body: Option<String>,
        ) -> Result<Answer, ClientError> {
            let builder = match method {
                Method::Get => self.0.get(url),
                Method::Post => self.0.post(url),
                Method::Put => self.0.put(url),
            }
            .header("accept", "application/json");
            let builder = match body {
                Some(b) => builder.header("content-type", "application/json").body(b),
                None => builder,
            };
            let response = builder
                .send()
                .await
                .map_err(|e| ClientError::Network(e.to_string()))?;
            let status = response.status().as_u16();
            let body = response
                .text()
                .await
                .map_err(|e| ClientError::Network(e.to_string()))?;
            Ok(Answer { status, body })
        }
    }
}

pub use imp::Transport;
