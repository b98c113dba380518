//! `trellis-server`: serves the API and the SPA; configured by TRELLIS_ADDR, TRELLIS_DB, TRELLIS_DIST.
//! `trellis-server backup FILE` writes a consistent snapshot while the server runs;
//! `trellis-server restore FILE` (server stopped) swaps a backup in, keeping the current database.

use server::{prepare, serve, Config};

#[tokio::main]
async fn main() -> std::process::ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("TRELLIS_LOG")
                .unwrap_or_else(|_| "info,sqlx=warn".into()),
        )
        .init();
    let config = Config::from_env();
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        [] => {}
        ["backup", file] => {
            return done(
                server::backup::backup(config.db.as_ref(), file.as_ref())
                    .await
                    .map(|()| format!("trellis: backed up {} to {file}", config.db)),
            )
        }
        ["restore", file] => {
            return done(
                server::backup::restore(config.db.as_ref(), file.as_ref())
                    .await
                    .map(|kept| match kept {
                        Some(k) => format!(
                            "trellis: restored {file} into {}; the previous database is kept as {}",
                            config.db,
                            k.display()
                        ),
                        None => format!("trellis: restored {file} into {}", config.db),
                    }),
            )
        }
        _ => {
            eprintln!("usage: trellis-server [backup FILE | restore FILE]");
            return std::process::ExitCode::from(2);
        }
    }
    let (state, seeded) = match prepare(&config).await {
        Ok(ready) => ready,
        Err(e) => {
            eprintln!("trellis: cannot open the database at {}: {e:?}", config.db);
            return std::process::ExitCode::FAILURE;
        }
    };
    if seeded {
        println!("trellis: created {} with the demo organisation", config.db);
    }
    if state.dist.is_none() {
        println!(
            "trellis: no built app in {} (API only)",
            config.dist.display()
        );
    }
    let listener = match tokio::net::TcpListener::bind(&config.addr).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("trellis: cannot listen on {}: {e}", config.addr);
            return std::process::ExitCode::FAILURE;
        }
    };
    let addr = listener
        .local_addr()
        .map(|a| a.to_string())
        .unwrap_or(config.addr);
    // Tests and xtask read this line to find the port.
    println!("trellis: listening on http://{addr}");
    match serve(listener, state).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("trellis: server failed: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// Prints the outcome of a command and turns it into the exit code.
fn done(result: Result<String, server::backup::BackupError>) -> std::process::ExitCode {
    match result {
        Ok(message) => {
            println!("{message}");
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("trellis: {e}; nothing was changed");
            std::process::ExitCode::FAILURE
        }
    }
}
