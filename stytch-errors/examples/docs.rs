//! Writes the reference pages of Stytch's error catalog.
//!
//! ```text
//! cargo run --example docs -- --out docs/errors     # one Markdown page per status code
//! cargo run --example docs -- --format json         # the whole catalog as JSON, on stdout
//! cargo run --example docs                          # every Markdown page, on stdout
//! ```

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::{env, fs};

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

fn run(args: &Args, out: &mut impl Write) -> io::Result<()> {
    match (args.format, &args.out) {
        (Format::Markdown, Some(dir)) => {
            fs::create_dir_all(dir)?;
            for page in docs::markdown_pages::<StytchError>() {
                let path = dir.join(&page.file_name);
                fs::write(&path, &page.markdown)?;
                writeln!(out, "{}", path.display())?;
            }
        }
        (Format::Markdown, None) => {
            for (i, page) in docs::markdown_pages::<StytchError>().iter().enumerate() {
                if i > 0 {
                    writeln!(out)?;
                }
                out.write_all(page.markdown.as_bytes())?;
            }
        }
        (Format::Json, Some(dir)) => {
            fs::create_dir_all(dir)?;
            let path = dir.join("catalog.json");
            fs::write(&path, docs::catalog_json::<StytchError>() + "\n")?;
            writeln!(out, "{}", path.display())?;
        }
        (Format::Json, None) => writeln!(out, "{}", docs::catalog_json::<StytchError>())?,
    }
    out.flush()
}

fn main() -> ExitCode {
    match parse_args(env::args().skip(1)) {
        Ok(Some(args)) => match run(&args, &mut io::stdout().lock()) {
            // A reader that stops early (`| head`) is not a failure.
            Ok(()) => ExitCode::SUCCESS,
            Err(error) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
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
