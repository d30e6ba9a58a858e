//! Quote extraction on arbitrary text, paragraphs split on blank lines.
#![no_main]
use libfuzzer_sys::fuzz_target;
mod common;

fuzz_target!(|text: &str| {
    common::check_article(&common::article_from_text(text));
});
