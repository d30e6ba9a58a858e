//! Bytes to text: byte-order marks, legacy encodings, binary and empty files.
//!
//! Policy (checked on `../shared/data/bbc`, whose `sport/199.txt` holds one Latin-1 `£` byte):
//! - valid UTF-8 is taken as it is, byte for byte, so offsets into the text are offsets into the
//!   file. A UTF-8 byte-order mark is **kept** in the text (3 bytes, U+FEFF) for the same reason;
//!   readers leave it out of titles and paragraphs.
//! - a UTF-16 byte-order mark decodes as UTF-16 (the text no longer matches the file's bytes).
//! - other invalid UTF-8: when the file also holds valid multi-byte UTF-8 sequences it is UTF-8
//!   with a few broken bytes and is decoded lossily (U+FFFD); otherwise it is a legacy single-byte
//!   file and is decoded with the encoding the caller declares or, failing that, the one
//!   `chardetng` guesses; with fewer than 8 high bytes (or under 1 % of the file) a guess is noise
//!   and Windows-1252 is used. Either way the caller gets one warning.
//! - binary data (a NUL byte, a known file signature, or many control bytes in the first 8 KiB)
//!   and empty or whitespace-only files are errors, with a short reason.

use encoding_rs::Encoding;

/// The UTF-8 byte-order mark.
pub const UTF8_BOM: &str = "\u{feff}";

/// Text decoded from a file's bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The decoded text; equal to the input bytes when they were valid UTF-8 (BOM included).
    pub text: String,
    /// Set when the bytes were not valid UTF-8: how they were decoded, for a one-line warning
    /// such as "not valid UTF-8, decoded as windows-1252".
    pub note: Option<String>,
}

/// Why bytes cannot be read as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotText {
    /// Zero bytes, or only whitespace (and perhaps a BOM).
    Empty,
    /// A NUL byte, a known binary signature (PNG, PDF, ZIP, GIF, JPEG, gzip) or > 10 % control bytes.
    Binary,
}

impl NotText {
    /// The reason as printed in warnings: "empty file" or "binary data, not text".
    pub fn reason(&self) -> &'static str {
        match self {
            NotText::Empty => "empty file",
            NotText::Binary => "binary data, not text",
        }
    }
}

const SIGNATURES: &[&[u8]] = &[
    b"\x89PNG",
    b"%PDF",
    b"PK\x03\x04",
    b"GIF87a",
    b"GIF89a",
    b"\xff\xd8\xff",
    b"\x1f\x8b",
    b"\x7fELF",
    b"\xd0\xcf\x11\xe0",
];

/// Whether the bytes look like binary data rather than text (see [`NotText::Binary`]).
/// UTF-16 text (which starts with a BOM) is not binary.
pub fn looks_binary(bytes: &[u8]) -> bool {
    if bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff") {
        return false;
    }
    if SIGNATURES.iter().any(|s| bytes.starts_with(s)) {
        return true;
    }
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    control * 10 > head.len()
}

/// Decodes a whole file's bytes (see the module docs for the policy). `declared` is an encoding
/// label the container states (an HTML `<meta charset>`); it is used only when the bytes are not
/// valid UTF-8.
///
/// Errors: [`NotText::Empty`] and [`NotText::Binary`].
pub fn decode(bytes: &[u8], declared: Option<&str>) -> Result<Decoded, NotText> {
    if bytes.is_empty() {
        return Err(NotText::Empty);
    }
    if looks_binary(bytes) {
        return Err(NotText::Binary);
    }
    let decoded = decode_bytes(bytes, declared);
    if decoded
        .text
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .is_empty()
    {
        return Err(NotText::Empty);
    }
    Ok(decoded)
}

fn decode_bytes(bytes: &[u8], declared: Option<&str>) -> Decoded {
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Decoded {
            text: s.to_string(),
            note: None,
        };
    }
    if let Some((enc, _)) = Encoding::for_bom(bytes) {
        // UTF-16 (a UTF-8 BOM followed by invalid UTF-8 falls through to lossy decoding below).
        if enc != encoding_rs::UTF_8 {
            let (text, _, _) = enc.decode(bytes);
            return Decoded {
                text: text.into_owned(),
                note: Some(format!("decoded as {}", enc.name())),
            };
        }
    }
    if has_valid_multibyte(bytes) {
        return Decoded {
            text: String::from_utf8_lossy(bytes).into_owned(),
            note: Some("not valid UTF-8, decoded lossily".to_string()),
        };
    }
    let enc = declared
        .and_then(|l| Encoding::for_label(l.trim().as_bytes()))
        .filter(|e| {
            *e != encoding_rs::UTF_8 && *e != encoding_rs::UTF_16LE && *e != encoding_rs::UTF_16BE
        })
        .unwrap_or_else(|| {
            // A handful of high bytes in English text is too little for a guess: Windows-1252.
            let high = bytes.iter().filter(|b| **b >= 0x80).count();
            if high < 8 || high * 100 < bytes.len() {
                return encoding_rs::WINDOWS_1252;
            }
            let mut det = chardetng::EncodingDetector::new();
            det.feed(bytes, true);
            det.guess(None, true)
        });
    if enc == encoding_rs::UTF_8 {
        return Decoded {
            text: String::from_utf8_lossy(bytes).into_owned(),
            note: Some("not valid UTF-8, decoded lossily".to_string()),
        };
    }
    let (text, _) = enc.decode_without_bom_handling(bytes);
    Decoded {
        text: text.into_owned(),
        note: Some(format!("not valid UTF-8, decoded as {}", enc.name())),
    }
}

/// Whether the bytes hold at least one well-formed multi-byte UTF-8 sequence.
fn has_valid_multibyte(bytes: &[u8]) -> bool {
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => return !s.is_ascii(),
            Err(e) => {
                let good = &rest[..e.valid_up_to()];
                if !good.is_ascii() {
                    return true;
                }
                let skip = e.error_len().unwrap_or(rest.len() - e.valid_up_to());
                rest = &rest[e.valid_up_to() + skip..];
                if rest.is_empty() {
                    return false;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_pound_becomes_pound() {
        let d = decode(
            b"Mutu, a \xa315.8m signing from Parma last season, was sacked.",
            None,
        )
        .unwrap();
        assert_eq!(
            d.text,
            "Mutu, a \u{a3}15.8m signing from Parma last season, was sacked."
        );
        assert!(d.note.is_some());
    }

    #[test]
    fn mixed_utf8_is_lossy() {
        let d = decode(b"caf\xc3\xa9 \xa3", None).unwrap();
        assert!(d.text.contains('\u{fffd}'));
    }

    #[test]
    fn empty_and_binary() {
        assert_eq!(decode(b"", None), Err(NotText::Empty));
        assert_eq!(decode(b"  \n", None), Err(NotText::Empty));
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", None),
            Err(NotText::Binary)
        );
    }
}
