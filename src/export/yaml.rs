//! A small YAML writer for configuration files: block mappings and sequences, every string
//! double-quoted with JSON escapes (valid YAML), numbers and booleans plain, comments on top.
//!
//! Enough for Quickwit index configurations; no dependency needed. Keys come in a fixed order:
//! those of [`FIRST_KEYS`] first (in that order), then the others alphabetically.

use serde_json::Value;

/// Keys written before all others in a mapping, in this order: a reader looks for them first.
pub const FIRST_KEYS: [&str; 4] = ["version", "index_id", "name", "type"];

fn ordered(map: &serde_json::Map<String, Value>) -> Vec<(&String, &Value)> {
    let mut entries: Vec<(&String, &Value)> = map.iter().collect();
    let rank = |k: &str| {
        FIRST_KEYS
            .iter()
            .position(|f| *f == k)
            .unwrap_or(FIRST_KEYS.len())
    };
    entries.sort_by(|a, b| rank(a.0).cmp(&rank(b.0)).then_with(|| a.0.cmp(b.0)));
    entries
}

/// Renders `value` as a YAML document, with `header` lines as `#` comments first.
pub fn to_yaml(value: &Value, header: &[&str]) -> String {
    let mut out = String::new();
    for line in header {
        out.push_str("# ");
        out.push_str(line);
        out.push('\n');
    }
    block(value, 0, &mut out);
    out
}

fn scalar(value: &Value) -> String {
    match value {
        Value::Array(a) if a.is_empty() => "[]".into(),
        Value::Object(o) if o.is_empty() => "{}".into(),
        other => other.to_string(),
    }
}

fn is_block(value: &Value) -> bool {
    match value {
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
        _ => false,
    }
}

fn key(k: &str) -> String {
    let plain = !k.is_empty()
        && k.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
        && k.starts_with(|c: char| c.is_ascii_alphabetic());
    if plain {
        k.to_string()
    } else {
        Value::String(k.to_string()).to_string()
    }
}

/// Writes a mapping or sequence whose lines start at `indent` spaces.
fn block(value: &Value, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    match value {
        Value::Object(map) => {
            for (k, v) in ordered(map) {
                out.push_str(&pad);
                out.push_str(&key(k));
                out.push(':');
                if is_block(v) {
                    out.push('\n');
                    block(v, indent + 2, out);
                } else {
                    out.push(' ');
                    out.push_str(&scalar(v));
                    out.push('\n');
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                out.push_str(&pad);
                out.push_str("- ");
                if is_block(item) {
                    // The first line of the item goes after "- ", the others under it.
                    let mut inner = String::new();
                    block(item, indent + 2, &mut inner);
                    out.push_str(inner.trim_start());
                } else {
                    out.push_str(&scalar(item));
                    out.push('\n');
                }
            }
        }
        other => {
            out.push_str(&pad);
            out.push_str(&scalar(other));
            out.push('\n');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_mappings_and_sequences() {
        let v = serde_json::json!({
            "version": "0.8",
            "doc_mapping": {"field_mappings": [{"name": "text", "type": "text"}, {"name": "n", "fast": true}],
                            "tags": [], "filters": ["a", "b"]},
        });
        let y = to_yaml(&v, &["made by a test"]);
        assert_eq!(
            y,
            "# made by a test\nversion: \"0.8\"\ndoc_mapping:\n  field_mappings:\n    - name: \"text\"\n      type: \"text\"\n    - name: \"n\"\n      fast: true\n  filters:\n    - \"a\"\n    - \"b\"\n  tags: []\n"
        );
    }
}
