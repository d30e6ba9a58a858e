//! The filter flags shared by `search`, `speakers` and `export` (one definition, one help text).

use clap::{Args, ValueEnum};

use super::{parse_date_bound, Filters, KindFilter};

/// The filter flags, as clap arguments.
#[derive(Debug, Args, Clone)]
pub struct FilterArgs {
    /// Only quotes by this speaker: full name or any part or alias ("putin", "Vladimir Putin"),
    /// case- and accent-insensitive. Repeat for any of several speakers.
    #[arg(long, value_name = "NAME")]
    pub speaker: Vec<String>,
    /// Only passages published on or after this date: YYYY, YYYY-MM or YYYY-MM-DD.
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only passages published on or before this date (inclusive): YYYY, YYYY-MM or YYYY-MM-DD.
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Only articles with this dateline or place, e.g. "Pyongyang".
    #[arg(long, value_name = "PLACE")]
    pub location: Option<String>,
    /// Only articles from this publisher, e.g. "Sputnik".
    #[arg(long, value_name = "NAME")]
    pub source: Option<String>,
    /// Which passages: quote (any quote), direct, mixed, indirect (reported speech), narration, any.
    #[arg(long, value_enum, default_value_t = KindArg::Any)]
    pub kind: KindArg,
}

/// Which passages a command considers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    Quote,
    Direct,
    Mixed,
    Indirect,
    Narration,
    Any,
}

impl FilterArgs {
    /// The search filters these flags ask for. Errors: a one-line message naming a bad
    /// `--since`/`--until` date.
    pub fn filters(&self) -> Result<Filters, String> {
        let bound = |flag: &str, v: &Option<String>| {
            v.as_deref()
                .map(parse_date_bound)
                .transpose()
                .map_err(|e| format!("--{flag}: {e}"))
        };
        let since = bound("since", &self.since)?;
        let until = bound("until", &self.until)?;
        if let (Some(s), Some(u)) = (&since, &until) {
            if s.first > u.last {
                return Err(format!(
                    "--since {} is after --until {}: no date can match",
                    self.since.as_deref().unwrap_or(""),
                    self.until.as_deref().unwrap_or("")
                ));
            }
        }
        Ok(Filters {
            speakers: self.speaker.clone(),
            since,
            until,
            location: self.location.clone(),
            source: self.source.clone(),
            kind: match self.kind {
                KindArg::Quote => KindFilter::Quote,
                KindArg::Direct => KindFilter::Direct,
                KindArg::Mixed => KindFilter::Mixed,
                KindArg::Indirect => KindFilter::Indirect,
                KindArg::Narration => KindFilter::Narration,
                KindArg::Any => KindFilter::Any,
            },
        })
    }
}
