//! A catalog's errors grouped by status code: the reference pages and the `OpenAPI`
//! responses both document one group per status.

use std::collections::BTreeMap;
use std::vec::Vec;

use crate::model::ErrorInfo;

/// The errors `infos` (a catalog, or some of its errors) by status code, statuses
/// ascending, each group in the order of `infos`.
pub(crate) fn by_status(
    infos: impl IntoIterator<Item = &'static ErrorInfo>,
) -> BTreeMap<u16, Vec<&'static ErrorInfo>> {
    let mut groups: BTreeMap<u16, Vec<&'static ErrorInfo>> = BTreeMap::new();
    for info in infos {
        groups.entry(info.status_code).or_default().push(info);
    }
    groups
}

#[cfg(test)]
mod tests {
    use crate::{ApiError, StytchError};

    #[test]
    fn groups_keep_catalog_order_under_ascending_statuses() {
        let groups = super::by_status(StytchError::catalog());
        let statuses: Vec<u16> = groups.keys().copied().collect();
        let mut sorted = statuses.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(statuses, sorted);
        let flattened: usize = groups.values().map(Vec::len).sum();
        assert_eq!(flattened, StytchError::catalog().len());
        for (status, infos) in &groups {
            assert!(infos.iter().all(|info| info.status_code == *status));
            let positions: Vec<usize> = infos
                .iter()
                .map(|info| {
                    StytchError::catalog()
                        .iter()
                        .position(|other| core::ptr::eq(other, *info))
                        .unwrap()
                })
                .collect();
            assert!(positions.is_sorted());
        }
    }
}
