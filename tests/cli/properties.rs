//! Property tests through the binary: any text survives a CSV export and a
//! re-import exactly, whatever characters it holds.

use proptest::prelude::*;

use crate::util::TestEnv;

/// Text as users paste it: any characters but NUL, not only spaces (an
/// all-space cell is an empty one by design).
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{1,40}",
        "[=+\\-@'\t\r\n\",; a-zé✓\u{202e}]{1,30}",
        any::<String>(),
    ]
    .prop_filter("not empty and NUL-free", |s| {
        !s.trim().is_empty() && !s.contains('\0')
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn any_text_round_trips_through_csv(title in any_text(), notes in any_text(), org in any_text()) {
        let env = TestEnv::new();
        env.ok(&["init"]);
        let org = org.split_whitespace().collect::<Vec<_>>().join(" ");
        {
            let conn = env.sql();
            conn.execute(
                "INSERT INTO organizations (name, created_at) VALUES (?1, '2026-11-01T00:00:00Z')",
                [&org],
            )
            .unwrap();
            conn.execute(
                "INSERT INTO applications (org_id, title, status, notes, created_at, updated_at)
                 VALUES (1, ?1, 'applied', ?2, '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')",
                [&title, &notes],
            )
            .unwrap();
        }
        let first = env.path("first");
        env.ok(&["export", "--all", "--out", first.to_str().unwrap()]);
        let copy = TestEnv::new();
        copy.ok(&["import", "--all", first.to_str().unwrap()]);
        let stored: (String, String, String) = copy
            .sql()
            .query_row(
                "SELECT a.title, a.notes, o.name FROM applications a JOIN organizations o ON o.id = a.org_id",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
        prop_assert_eq!(stored, (title, notes, org));
        let second = copy.path("second");
        copy.ok(&["export", "--all", "--out", second.to_str().unwrap()]);
        for table in ["organizations", "applications"] {
            let a = std::fs::read(first.join(format!("{table}.csv"))).unwrap();
            let b = std::fs::read(second.join(format!("{table}.csv"))).unwrap();
            prop_assert_eq!(a, b, "{}.csv differs", table);
        }
    }
}
