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
    use web_sys::{Headers, RequestCredentials, RequestInit};

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
            // Built from the browser's own request: gloo-net's builder adds a stray `&` to any
            // query (gloo #498), which also misses the page's preload of the same address.
            let js = |e: wasm_bindgen::JsValue| ClientError::Network(format!("{e:?}"));
            let init = RequestInit::new();
            init.set_method(match method {
                Method::Get => "GET",
                Method::Post => "POST",
                Method::Put => "PUT",
            });
            init.set_credentials(RequestCredentials::Include);
            let headers = Headers::new().map_err(js)?;
            headers.set("accept", "application/json").map_err(js)?;
            if let Some(b) = &body {
                headers
                    .set("content-type", "application/json")
                    .map_err(js)?;
                init.set_body(&wasm_bindgen::JsValue::from_str(b));
            }
            init.set_headers(&headers);
            let request =
                Request::from(web_sys::Request::new_with_str_and_init(url, &init).map_err(js)?);
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
