//! The plain-text reader on arbitrary bytes, then quote extraction on what it read.
#![no_main]
use libfuzzer_sys::fuzz_target;
mod common;

fuzz_target!(|data: &[u8]| {
    if let Ok(article) = newsquote::article::text::read_text("fuzz.txt", data, &mut |_| {}) {
        common::check_article(&article);
    }
});
