//! newsquote: turn a folder of news articles into a searchable index of who said what, when and where.
//!
//! The pipeline, one module per step (see `DESIGN.md` in the shared folder):
//! [`article`] reads one file into [`article::Article`]s, [`quote`] finds the quotes and their speakers,
//! [`index`] writes passages into Tantivy, [`search`] turns a query and filters into ranked hits, and
//! [`output`] renders hits and extractions for people and programs.

pub mod article;
pub mod export;
pub mod index;
pub mod output;
pub mod quote;
pub mod search;
