//! Helpers shared by the search tests (each test file includes this with `mod common;`).

use std::path::Path;

use newsquote::index::{self, IndexOptions, IndexSummary, PassageIndex};

/// Indexes `folder` into `index` with the default options, as `newsquote index` does; any warning
/// (an unreadable or empty test file) fails the test.
pub fn index_folder(index: &PassageIndex, folder: &Path) -> IndexSummary {
    index::index_paths(
        index,
        &[folder.to_path_buf()],
        &IndexOptions::default(),
        &|w| panic!("unexpected warning {w}"),
        &|_| {},
        &|_| {},
    )
    .unwrap()
}
