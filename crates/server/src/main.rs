//! `trellis-server [--config FILE]`: serves the API and the SPA; settings come from the file
//! (or `TRELLIS_CONFIG`) and `TRELLIS_*` variables (see `config.rs`).
//! `trellis-server backup FILE` writes a consistent snapshot while the server runs;
//! `trellis-server restore FILE` (server stopped) swaps a backup in, keeping the current database.

use server::{prepare, serve, Config};

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let config_file = match args.iter().position(|a| a == "--config") {
        Some(i) if i + 1 < args.len() => {
            let file = args.remove(i + 1);
            args.remove(i);
            Some(file)
        }
        Some(_) => return usage(),
        None => None,
    };
    let config = match Config::from_process(config_file.as_deref()) {
        Ok(config) => config,
        Err(errors) => {
            eprintln!("trellis: the configuration has problems; nothing was started:");
            for e in errors {
                eprintln!("  {e}");
            }
            return std::process::ExitCode::from(2);
        }
    };
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::new(&config.log))
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .init();
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
        _ => return usage(),
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

fn usage() -> std::process::ExitCode {
    eprintln!("usage: trellis-server [--config FILE] [backup FILE | restore FILE]");
    std::process::ExitCode::from(2)
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
