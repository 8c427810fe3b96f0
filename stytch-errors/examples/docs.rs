//! Writes the reference pages of Stytch's error catalog.
//!
//! ```text
//! cargo run --example docs -- --out docs/errors     # one Markdown page per status code
//! cargo run --example docs -- --format json         # the whole catalog as JSON, on stdout
//! cargo run --example docs                          # every Markdown page, on stdout
//! ```

use std::path::PathBuf;
use std::process::ExitCode;
use std::{env, fs, io};

use stytch_errors::{StytchError, docs};

const USAGE: &str = "\
usage: docs [--format markdown|json] [--out DIR]

  --format markdown  one page per status code (the default)
  --format json      the whole catalog as one JSON document
  --out DIR          write the pages (or catalog.json) into DIR instead of printing them";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Markdown,
    Json,
}

#[derive(Debug)]
struct Args {
    format: Format,
    out: Option<PathBuf>,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
    let mut parsed = Args {
        format: Format::Markdown,
        out: None,
    };
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => {
                (flag.to_owned(), Some(value.to_owned()))
            }
            _ => (arg, None),
        };
        let mut value = |name: &str| {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match flag.as_str() {
            "-h" | "--help" => return Ok(None),
            "--format" => {
                parsed.format = match value("--format")?.as_str() {
                    "markdown" | "md" => Format::Markdown,
                    "json" => Format::Json,
                    other => return Err(format!("unknown format `{other}`: use markdown or json")),
                };
            }
            "--out" => parsed.out = Some(PathBuf::from(value("--out")?)),
            other => return Err(format!("unexpected argument `{other}`")),
        }
    }
    Ok(Some(parsed))
}

fn run(args: &Args) -> io::Result<()> {
    match (args.format, &args.out) {
        (Format::Markdown, Some(dir)) => {
            fs::create_dir_all(dir)?;
            for page in docs::markdown_pages::<StytchError>() {
                let path = dir.join(&page.file_name);
                fs::write(&path, &page.markdown)?;
                println!("{}", path.display());
            }
        }
        (Format::Markdown, None) => {
            let pages = docs::markdown_pages::<StytchError>();
            let all: Vec<&str> = pages.iter().map(|page| page.markdown.as_str()).collect();
            print!("{}", all.join("\n"));
        }
        (Format::Json, Some(dir)) => {
            fs::create_dir_all(dir)?;
            let path = dir.join("catalog.json");
            fs::write(&path, docs::catalog_json::<StytchError>() + "\n")?;
            println!("{}", path.display());
        }
        (Format::Json, None) => println!("{}", docs::catalog_json::<StytchError>()),
    }
    Ok(())
}

fn main() -> ExitCode {
    match parse_args(env::args().skip(1)) {
        Ok(Some(args)) => match run(&args) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("docs: {error}");
                ExitCode::FAILURE
            }
        },
        Ok(None) => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("docs: {message}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}
