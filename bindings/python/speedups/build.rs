//! macOS links an extension module with `-undefined dynamic_lookup`: Python's symbols come from the
//! interpreter that loads it (elsewhere this adds nothing).
fn main() {
    pyo3_build_config::add_extension_module_link_args();
}
