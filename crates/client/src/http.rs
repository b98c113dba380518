//! The Trellis REST backend: every call goes to its endpoint's declaration (`trellis_api::endpoints`).

use async_trait::async_trait;
use trellis_api::endpoints::Endpoint;
use trellis_api::ApiError;

use crate::transport::{Method, Transport};
use crate::{ClientError, ClientResult, PrmBackend, Reply, Request};

/// Talks to a Trellis server over its REST API.
#[derive(Clone)]
pub struct HttpBackend {
    base_url: String,
    transport: Transport,
}

impl HttpBackend {
    /// A backend at `base_url` (`""` for the page's own origin, `http://127.0.0.1:8080` natively).
    pub fn new(base_url: impl Into<String>) -> Self {
        Self {
            base_url: base_url.into().trim_end_matches('/').to_string(),
            transport: Transport::new(),
        }
    }

    /// One request to `endpoint`: its method, its path filled with `params`, then `query`.
    async fn call(
        &self,
        endpoint: &Endpoint,
        params: &[&str],
        query: &str,
        body: Option<String>,
    ) -> ClientResult<Reply> {
        let url = format!("{}{}{query}", self.base_url, endpoint.url(params));
        let method = match endpoint.method {
            "GET" => Method::Get,
            "PUT" => Method::Put,
            _ => Method::Post,
        };
        let answer = self.transport.send(method, &url, body).await?;
        if (200..300).contains(&answer.status) {
            Ok(Reply::Json(answer.body))
        } else {
            match serde_json::from_str::<ApiError>(&answer.body) {
                Ok(api) => Err(ClientError::Api(api)),
                Err(_) => Err(ClientError::Decode(format!(
                    "HTTP {} without a Trellis error body",
                    answer.status
                ))),
            }
        }
    }
}

#[async_trait(?Send)]
impl PrmBackend for HttpBackend {
    async fn send(&self, endpoint: &'static Endpoint, request: Request<'_>) -> ClientResult<Reply> {
        let segments = request.segments()?;
        let params: Vec<&str> = segments.iter().map(String::as_str).collect();
        let body = request.body.map(|b| b.json()).transpose()?;
        self.call(endpoint, &params, &request.query_string()?, body)
            .await
    }
}
