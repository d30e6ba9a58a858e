//! The JSON reader on arbitrary bytes, then quote extraction on every article it read.
#![no_main]
use libfuzzer_sys::fuzz_target;
mod common;

fuzz_target!(|data: &[u8]| {
    let mut articles = Vec::new();
    let _ = newsquote::article::json::read_json(
        "fuzz.json",
        data,
        &mut |a| articles.push(a),
        &mut |_| {},
    );
    for article in &articles {
        common::check_article(article);
    }
});
