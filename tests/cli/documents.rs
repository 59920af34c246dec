//! Documents (DESIGN §10.6, §10.9): `doc add|list|get|rm`, the résumé and
//! cover letter an application was sent with, `report apps --by resume`,
//! their bytes through `export --all`/`import --all`, and undo.

use std::path::PathBuf;

use serde_json::Value;

use crate::util::{mode, TestEnv};

/// Every byte value 0–255, repeated to about `size` bytes: a file no text
/// handling could keep intact by accident.
fn every_byte(size: usize) -> Vec<u8> {
    (0..size).map(|i| (i % 256) as u8).collect()
}

/// Writes `bytes` to a file in the test's folder and returns its path.
fn file(env: &TestEnv, name: &str, bytes: &[u8]) -> PathBuf {
    let path = env.path(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// `doc add` with `--json`: the stored document.
fn add(env: &TestEnv, path: &std::path::Path, extra: &[&str]) -> Value {
    let mut args = vec!["doc", "add", path.to_str().unwrap()];
    args.extend_from_slice(extra);
    env.json(&args)
}

fn undo_entries(env: &TestEnv) -> i64 {
    env.count("SELECT count(*) FROM undo_log")
}

#[test]
fn the_same_bytes_twice_are_one_document_and_no_undo_entry() {
    let env = TestEnv::new();
    let bytes = b"Dana Reyes, RHIT\nHealth Information Technician\n";
    let first = file(&env, "resume-v2.pdf", bytes);
    let copy = file(&env, "copy-of-resume.pdf", bytes);
    let added = env.ok(&["doc", "add", first.to_str().unwrap(), "--kind", "resume"]);
    assert!(added.contains("Added document 1: resume-v2.pdf"), "{added}");
    let entries = undo_entries(&env);
    let output = env
        .cmd()
        .args(["doc", "add", copy.to_str().unwrap(), "--kind", "other"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.contains("Already stored as document 1: resume-v2.pdf"),
        "{stdout}"
    );
    assert!(String::from_utf8(output.stderr)
        .unwrap()
        .contains("keep their first name and kind"));
    assert_eq!(env.count("SELECT count(*) FROM documents"), 1);
    let (name, kind): (String, String) = env
        .sql()
        .query_row("SELECT name, kind FROM documents", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!((name.as_str(), kind.as_str()), ("resume-v2.pdf", "resume"));
    assert_eq!(undo_entries(&env), entries, "no undo entry for a repeat");
    assert_eq!(
        env.ok(&["-q", "doc", "add", copy.to_str().unwrap()]).trim(),
        "1"
    );
}

#[test]
fn doc_get_gives_back_every_byte_and_list_describes_them() {
    let env = TestEnv::new();
    let bytes = every_byte(1 << 20);
    let path = file(&env, "portfolio.bin", &bytes);
    let added = add(&env, &path, &["--name", "Portfolio"]);
    let sha = {
        use std::fmt::Write;
        let mut hex = String::new();
        for b in sha256(&bytes) {
            write!(hex, "{b:02x}").unwrap();
        }
        hex
    };
    assert_eq!(added["sha256"], sha.as_str());
    assert_eq!(added["size"], bytes.len());
    assert_eq!(added["kind"], "other");
    let out = env.path("back.bin");
    env.ok(&["doc", "get", "portfolio", "--out", out.to_str().unwrap()]);
    assert_eq!(std::fs::read(&out).unwrap(), bytes);
    assert_eq!(mode(&out), 0o600);
    // An existing file is kept unless --force.
    let err = env.fails(2, &["doc", "get", "1", "--out", out.to_str().unwrap()]);
    assert!(
        err.contains("already exists") && err.contains("--force"),
        "{err}"
    );
    std::fs::write(&out, b"old").unwrap();
    env.ok(&["doc", "get", "1", "--out", out.to_str().unwrap(), "--force"]);
    assert_eq!(std::fs::read(&out).unwrap(), bytes);
    // `--out -` writes the bytes to standard output.
    let output = env
        .cmd()
        .args(["doc", "get", "1", "--out", "-"])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(output.stdout, bytes);
    let list = env.json(&["doc", "list"]);
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["name"], "Portfolio");
    assert_eq!(list[0]["applications"], 0);
    let human = env.ok(&["doc", "list"]);
    assert!(
        human.contains("Portfolio") && human.contains("1.0 MiB"),
        "{human}"
    );
}

/// SHA-256 computed here, apart from the program's own code (FIPS 180-4).
fn sha256(data: &[u8]) -> [u8; 32] {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
        0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
        0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
        0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
        0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
        0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
        0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
        0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2,
    ];
    let mut h: [u32; 8] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
        0x5be0cd19,
    ];
    let mut message = data.to_vec();
    message.push(0x80);
    while message.len() % 64 != 56 {
        message.push(0);
    }
    message.extend_from_slice(&((data.len() as u64) * 8).to_be_bytes());
    for block in message.chunks(64) {
        let mut w = [0u32; 64];
        for i in 0..16 {
            w[i] = u32::from_be_bytes(block[i * 4..i * 4 + 4].try_into().unwrap());
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let mut v = h;
        for i in 0..64 {
            let s1 = v[4].rotate_right(6) ^ v[4].rotate_right(11) ^ v[4].rotate_right(25);
            let ch = (v[4] & v[5]) ^ (!v[4] & v[6]);
            let t1 = v[7]
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(K[i])
                .wrapping_add(w[i]);
            let s0 = v[0].rotate_right(2) ^ v[0].rotate_right(13) ^ v[0].rotate_right(22);
            let maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
            let t2 = s0.wrapping_add(maj);
            v = [
                t1.wrapping_add(t2),
                v[0],
                v[1],
                v[2],
                v[3].wrapping_add(t1),
                v[4],
                v[5],
                v[6],
            ];
        }
        for (a, b) in h.iter_mut().zip(v) {
            *a = a.wrapping_add(b);
        }
    }
    let mut out = [0u8; 32];
    for (i, word) in h.iter().enumerate() {
        out[i * 4..i * 4 + 4].copy_from_slice(&word.to_be_bytes());
    }
    out
}

#[test]
fn the_test_sha256_matches_a_known_digest() {
    let hex: String = sha256(b"abc").iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(
        hex,
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
}

#[test]
fn a_file_over_20_mib_is_refused_with_nothing_written() {
    let env = TestEnv::new();
    env.ok(&["init"]);
    let limit = 20 * 1024 * 1024;
    let big = file(&env, "big.pdf", &vec![7u8; limit + 1]);
    let err = env.fails(2, &["doc", "add", big.to_str().unwrap()]);
    assert!(err.contains("20971521 bytes"), "{err}");
    assert!(err.contains("20 MiB (20971520 bytes)"), "{err}");
    assert_eq!(env.count("SELECT count(*) FROM documents"), 0);
    // Through standard input too, where the size is not known ahead.
    let mut cmd = env.cmd();
    cmd.args(["doc", "add", "-", "--name", "big"])
        .write_stdin(vec![7u8; limit + 1]);
    let output = cmd.output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("over the limit"));
    assert_eq!(env.count("SELECT count(*) FROM documents"), 0);
    // Exactly the limit is kept.
    let most = file(&env, "most.pdf", &vec![7u8; limit]);
    assert_eq!(add(&env, &most, &[])["size"], limit);
}

#[test]
fn bad_files_are_refused_naming_them() {
    let env = TestEnv::new();
    env.ok(&["init"]);
    let missing = env.path("nowhere.pdf");
    let err = env.fails(2, &["doc", "add", missing.to_str().unwrap()]);
    assert!(err.contains("nowhere.pdf"), "{err}");
    let empty = file(&env, "empty.pdf", b"");
    let err = env.fails(2, &["doc", "add", empty.to_str().unwrap()]);
    assert!(err.contains("empty.pdf is empty"), "{err}");
    let err = env.fails(2, &["doc", "add", "-"]);
    assert!(err.contains("--name is required"), "{err}");
    let err = env.fails(2, &["doc", "add", env.dir.path().to_str().unwrap()]);
    assert!(err.contains("is a folder"), "{err}");
    assert_eq!(env.count("SELECT count(*) FROM documents"), 0);
    // Standard input with a name works.
    let mut cmd = env.cmd();
    cmd.args([
        "doc",
        "add",
        "-",
        "--name",
        "Thank-you note",
        "--kind",
        "other",
    ])
    .write_stdin(&b"Thank you for your time"[..]);
    assert!(cmd.output().unwrap().status.success());
    assert_eq!(env.json(&["doc", "list"])[0]["name"], "Thank-you note");
}

#[test]
fn applications_name_their_resume_and_cover_letter_by_reference() {
    let env = TestEnv::new();
    let resume = file(&env, "resume-2026.pdf", b"resume 2026");
    let older = file(&env, "resume-2025.pdf", b"resume 2025");
    let letter = file(&env, "letter.pdf", b"Dear hiring manager");
    add(&env, &resume, &["--kind", "resume"]);
    add(&env, &older, &["--kind", "resume"]);
    add(
        &env,
        &letter,
        &["--kind", "cover_letter", "--name", "Mercy letter"],
    );
    // A substring matching two names is refused, listing them; nothing written.
    let err = env.fails(
        2,
        &["app", "add", "Mercy Health", "Coder", "--resume", "resume"],
    );
    assert!(err.contains("matches 2 documents"), "{err}");
    assert_eq!(env.count("SELECT count(*) FROM applications"), 0);
    let output = env
        .cmd()
        .args([
            "app",
            "add",
            "Mercy Health",
            "Coder",
            "--resume",
            "resume-2026",
        ])
        .args(["--cover-letter", "mercy letter"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("using document 1: resume-2026.pdf"),
        "{stderr}"
    );
    let shown = env.json(&["app", "show", "1"]);
    assert_eq!(shown["resume_id"], 1);
    assert_eq!(shown["cover_letter_id"], 3);
    let human = env.ok(&["app", "show", "1"]);
    assert!(human.contains("document 1: resume-2026.pdf"), "{human}");
    assert!(human.contains("document 3: Mercy letter"), "{human}");
    // A whole name wins over a substring ("resume-2025.pdf" is inside no other).
    env.ok(&["app", "edit", "1", "--resume", "RESUME-2025.PDF"]);
    assert_eq!(env.json(&["app", "show", "1"])["resume_id"], 2);
    // Undo of the edit puts the first résumé back.
    env.ok(&["undo"]);
    assert_eq!(env.json(&["app", "show", "1"])["resume_id"], 1);
    env.ok(&["app", "edit", "1", "--clear", "cover_letter"]);
    let shown = env.json(&["app", "show", "1"]);
    assert_eq!(shown["cover_letter_id"], Value::Null);
    assert_eq!(shown["resume_id"], 1);
    let err = env.fails(2, &["app", "edit", "1", "--resume", "9"]);
    assert!(err.contains("no document with id 9"), "{err}");
    let err = env.fails(
        2,
        &["app", "edit", "1", "--resume", "1", "--clear", "resume"],
    );
    assert!(err.contains("contradict"), "{err}");
    // A cover letter given as the résumé is linked, with a warning.
    let output = env
        .cmd()
        .args(["app", "edit", "1", "--resume", "3"])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(String::from_utf8(output.stderr)
        .unwrap()
        .contains("is a cover letter; linked as the résumé"));
    assert_eq!(env.json(&["doc", "list"])[2]["applications"], 1);
}

#[test]
fn rm_is_refused_while_linked_and_force_unlinks() {
    let env = TestEnv::new();
    let resume = file(&env, "resume.pdf", b"my resume");
    add(&env, &resume, &["--kind", "resume"]);
    env.ok(&["app", "add", "Mercy Health", "Coder", "--resume", "1"]);
    env.ok(&[
        "app",
        "add",
        "St. Luke's",
        "Analyst",
        "--resume",
        "resume.pdf",
    ]);
    let err = env.fails(2, &["doc", "rm", "resume"]);
    assert!(err.contains("named by 2 applications"), "{err}");
    assert!(err.contains("Coder at Mercy Health") && err.contains("Analyst at St. Luke's"));
    assert!(
        err.contains("to delete it anyway and leave them without it: jobtrack doc rm 1 --force"),
        "{err}"
    );
    assert_eq!(env.count("SELECT count(*) FROM documents"), 1);
    let removed = env.ok(&["doc", "rm", "1", "--force"]);
    assert!(
        removed.contains("unlinked from 2 applications (1, 2)"),
        "{removed}"
    );
    assert_eq!(env.count("SELECT count(*) FROM documents"), 0);
    assert_eq!(env.json(&["app", "show", "1"])["resume_id"], Value::Null);
    assert_eq!(
        env.count("SELECT count(*) FROM applications WHERE resume_id IS NOT NULL"),
        0
    );
    // An unlinked document goes without --force.
    let other = file(&env, "notes.txt", b"notes");
    add(&env, &other, &[]);
    assert!(env
        .ok(&["doc", "rm", "notes"])
        .contains("Removed document 2: notes.txt"));
}

#[test]
fn undo_of_add_and_rm_restores_the_bytes() {
    let env = TestEnv::new();
    let bytes = every_byte(300_000);
    let path = file(&env, "resume.pdf", &bytes);
    add(&env, &path, &["--kind", "resume"]);
    env.ok(&["app", "add", "Mercy Health", "Coder", "--resume", "1"]);
    env.ok(&["doc", "rm", "1", "--force"]);
    assert_eq!(env.count("SELECT count(*) FROM documents"), 0);
    assert!(env.ok(&["undo"]).contains("doc rm 1 --force"));
    let out = env.path("back.pdf");
    env.ok(&["doc", "get", "1", "--out", out.to_str().unwrap()]);
    assert_eq!(std::fs::read(&out).unwrap(), bytes);
    assert_eq!(env.json(&["app", "show", "1"])["resume_id"], 1);
    // Undo the application, then the add itself: the document is gone.
    env.ok(&["undo"]);
    env.ok(&["undo"]);
    assert_eq!(env.count("SELECT count(*) FROM documents"), 0);
    // Redo brings the bytes back again.
    env.ok(&["redo"]);
    let again = env.path("again.pdf");
    env.ok(&["doc", "get", "1", "--out", again.to_str().unwrap()]);
    assert_eq!(std::fs::read(&again).unwrap(), bytes);
}

#[test]
fn report_apps_by_resume_counts_each_resume_and_none() {
    let env = TestEnv::new();
    add(
        &env,
        &file(&env, "a.pdf", b"resume A"),
        &["--kind", "resume", "--name", "Resume A"],
    );
    add(
        &env,
        &file(&env, "b.pdf", b"resume B"),
        &["--kind", "resume", "--name", "Resume B"],
    );
    // (title, résumé id, later status): what the test made, so the
    // expected figures follow from it below.
    let made: &[(&str, Option<i64>, Option<&str>)] = &[
        ("Coder", Some(1), Some("screening")),
        ("Analyst", Some(1), Some("interview")),
        ("Clerk", Some(1), None),
        ("Abstractor", Some(2), Some("rejected")),
        ("Registrar", None, Some("interview")),
        ("Scanner", None, None),
    ];
    for (index, (title, resume, status)) in made.iter().enumerate() {
        let mut args = vec![
            "app",
            "add",
            "Mercy Health",
            title,
            "--applied",
            "2026-11-02",
        ];
        let id_text = resume.map(|id| id.to_string());
        if let Some(id) = &id_text {
            args.extend(["--resume", id.as_str()]);
        }
        env.ok(&args);
        if let Some(status) = status {
            let id = (index + 1).to_string();
            env.ok(&["app", "set", &id, status, "--on", "2026-11-10"]);
        }
    }
    // A saved posting is not an application sent: counted nowhere.
    env.ok(&[
        "app",
        "add",
        "Mercy Health",
        "Coordinator",
        "--status",
        "saved",
        "--resume",
        "2",
    ]);
    let responded = |s: &Option<&str>| s.is_some();
    let interviewed = |s: &Option<&str>| *s == Some("interview");
    let report = env.json(&["report", "apps", "--by", "resume"]);
    let rows = report["by_resume"].as_array().unwrap();
    assert_eq!(rows.len(), 3, "{report}");
    for resume in [Some(1), Some(2), None] {
        let mine: Vec<_> = made.iter().filter(|m| m.1 == resume).collect();
        let applications = mine.len();
        let responses = mine.iter().filter(|m| responded(&m.2)).count();
        let interviews = mine.iter().filter(|m| interviewed(&m.2)).count();
        let row = rows
            .iter()
            .find(|r| r["resume_id"] == serde_json::json!(resume))
            .unwrap_or_else(|| panic!("no row for {resume:?}: {report}"));
        assert_eq!(row["applications"], applications, "{row}");
        assert_eq!(row["responses"], responses, "{row}");
        assert_eq!(row["interviews"], interviews, "{row}");
        let rate = |n: usize| ((n as f64 / applications as f64) * 10_000.0).round() / 10_000.0;
        assert_eq!(row["response_rate"], rate(responses), "{row}");
        assert_eq!(row["interview_rate"], rate(interviews), "{row}");
    }
    // Largest first; the names come along.
    assert_eq!(rows[0]["resume"], "Resume A");
    let human = env.ok(&["report", "apps", "--by", "resume"]);
    assert!(
        human.contains("1: Resume A") && human.contains("(none)"),
        "{human}"
    );
    let csv = env.ok(&["report", "apps", "--by", "resume", "--csv"]);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "resume_id,resume,applications,responses,interviews,offers,response_rate,interview_rate"
    );
    assert!(lines.contains(&"1,Resume A,3,2,1,0,0.6667,0.3333"), "{csv}");
    assert!(lines.contains(&",,2,1,1,0,0.5,0.5"), "{csv}");
    // The default grouping is unchanged.
    assert!(env.json(&["report", "apps"]).get("by_source").is_some());
    env.fails(2, &["report", "apps", "--by", "resume", "--csv", "--json"]);
}

/// A database with two documents (every byte value; about 1 MiB) linked to
/// an application, exported with `export --all` to `DIR`; returns the
/// bytes by document id.
fn exported_with_documents(env: &TestEnv, dir: &std::path::Path) -> Vec<(i64, Vec<u8>)> {
    let small = every_byte(256);
    let large = every_byte((1 << 20) + 7);
    add(env, &file(env, "bytes.bin", &small), &["--kind", "other"]);
    add(env, &file(env, "resume.pdf", &large), &["--kind", "resume"]);
    env.ok(&[
        "app",
        "add",
        "Mercy Health",
        "Coder",
        "--resume",
        "2",
        "--cover-letter",
        "1",
    ]);
    let said = env.ok(&["export", "--all", "--out", dir.to_str().unwrap()]);
    assert!(said.contains("the bytes of 2 documents"), "{said}");
    vec![(1, small), (2, large)]
}

#[test]
fn export_and_import_all_keep_document_bytes_exactly() {
    let env = TestEnv::new();
    let dir = env.path("export");
    let made = exported_with_documents(&env, &dir);
    let csv = std::fs::read_to_string(dir.join("documents.csv")).unwrap();
    assert_eq!(
        csv.lines().next(),
        Some("id,sha256,kind,name,size,added_on")
    );
    let list = env.json(&["doc", "list"]);
    for document in list.as_array().unwrap() {
        let path = dir
            .join("documents")
            .join(document["sha256"].as_str().unwrap());
        assert_eq!(mode(&path), 0o600);
        let (_, bytes) = made.iter().find(|(id, _)| document["id"] == *id).unwrap();
        assert_eq!(&std::fs::read(&path).unwrap(), bytes);
    }
    assert_eq!(mode(&dir.join("documents")), 0o700);
    // Into a fresh database: the same documents, byte for byte, still linked.
    let fresh = TestEnv::new();
    let said = fresh.ok(&["import", "--all", dir.to_str().unwrap()]);
    assert!(said.contains("2 documents"), "{said}");
    assert_eq!(fresh.json(&["doc", "list"]), list);
    assert_eq!(fresh.json(&["doctor"])["counts"]["documents"], 2);
    for (id, bytes) in &made {
        let out = fresh.path(&format!("doc-{id}"));
        fresh.ok(&[
            "doc",
            "get",
            &id.to_string(),
            "--out",
            out.to_str().unwrap(),
        ]);
        assert_eq!(&std::fs::read(&out).unwrap(), bytes, "document {id}");
    }
    let shown = fresh.json(&["app", "show", "1"]);
    assert_eq!(
        (shown["resume_id"].clone(), shown["cover_letter_id"].clone()),
        (2.into(), 1.into())
    );
    // Exporting again without --force keeps the files that are there.
    let err = env.fails(2, &["export", "--all", "--out", dir.to_str().unwrap()]);
    assert!(err.contains("--force"), "{err}");
    env.ok(&["export", "--all", "--out", dir.to_str().unwrap(), "--force"]);
}

#[test]
fn import_all_refuses_missing_or_changed_document_files() {
    let env = TestEnv::new();
    let dir = env.path("export");
    let made = exported_with_documents(&env, &dir);
    let sha_of = |id: i64| {
        env.json(&["doc", "list"])
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["id"] == id)
            .unwrap()["sha256"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let path = dir.join("documents").join(sha_of(2));
    let refused = |what: &str| {
        let fresh = TestEnv::new();
        let err = fresh.fails(2, &["import", "--all", dir.to_str().unwrap()]);
        assert!(err.contains(&sha_of(2)), "{what}: {err}");
        assert!(
            !fresh.db.exists(),
            "{what}: a refused import leaves no database"
        );
        err
    };
    // One byte changed, the size the same.
    let mut changed = made[1].1.clone();
    changed[1000] ^= 0xff;
    std::fs::write(&path, &changed).unwrap();
    assert!(refused("changed").contains("does not match its SHA-256"));
    // One byte short.
    std::fs::write(&path, &made[1].1[1..]).unwrap();
    assert!(refused("short").contains(&format!("holds {} bytes", made[1].1.len() - 1)));
    // Gone.
    std::fs::remove_file(&path).unwrap();
    assert!(refused("missing").contains("is missing"));
}

#[test]
fn documents_csv_alone_is_refused_and_older_exports_still_import() {
    let env = TestEnv::new();
    let dir = env.path("export");
    exported_with_documents(&env, &dir);
    let fresh = TestEnv::new();
    let csv = dir.join("documents.csv");
    let err = fresh.fails(2, &["import", "documents", csv.to_str().unwrap()]);
    assert!(
        err.contains("import --all") && err.contains("doc add"),
        "{err}"
    );
    assert!(!fresh.db.exists());
    // An export from before documents: no documents.csv, no document columns.
    let old = env.path("old");
    std::fs::create_dir(&old).unwrap();
    std::fs::write(
        old.join("organizations.csv"),
        "id,name,website,location,notes,created_at\n1,Mercy Health,,,,2026-01-01T00:00:00Z\n",
    )
    .unwrap();
    std::fs::write(
        old.join("applications.csv"),
        "id,org,title,status,applied_on,created_at,updated_at\n\
         1,Mercy Health,Coder,applied,2026-11-02,2026-11-02T10:00:00Z,2026-11-02T10:00:00Z\n",
    )
    .unwrap();
    fresh.ok(&["import", "--all", old.to_str().unwrap()]);
    assert_eq!(fresh.json(&["app", "show", "1"])["resume_id"], Value::Null);
    assert_eq!(fresh.json(&["doc", "list"]), serde_json::json!([]));
}

#[test]
fn removing_a_20_mib_document_is_undone_byte_for_byte() {
    let env = TestEnv::new();
    let bytes = every_byte(20 * 1024 * 1024);
    add(&env, &file(&env, "portfolio.pdf", &bytes), &[]);
    env.ok(&["doc", "rm", "1"]);
    // The log holds the removed bytes, within its 64 MiB.
    assert!(env.count("SELECT coalesce(sum(length(sql)), 0) FROM undo_steps") <= 64 << 20);
    assert!(env.ok(&["undo"]).contains("Undid: doc rm 1"));
    let out = env.path("back.pdf");
    env.ok(&["doc", "get", "1", "--out", out.to_str().unwrap()]);
    assert!(std::fs::read(&out).unwrap() == bytes, "the same 20 MiB");
}

#[test]
fn a_whole_document_name_wins_over_names_that_contain_it() {
    let env = TestEnv::new();
    add(&env, &file(&env, "a.pdf", b"first"), &["--name", "Resume"]);
    add(
        &env,
        &file(&env, "b.pdf", b"second"),
        &["--name", "Resume v2"],
    );
    add(
        &env,
        &file(&env, "c.pdf", b"third"),
        &["--name", "Old resume"],
    );
    let output = env
        .cmd()
        .args(["doc", "get", "RESUME", "--out", "-"])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(output.stdout, b"first");
    assert!(String::from_utf8(output.stderr)
        .unwrap()
        .contains("using document 1: Resume"));
    // Part of one name alone picks that one.
    let output = env
        .cmd()
        .args(["doc", "get", "resume v", "--out", "-"])
        .output()
        .unwrap();
    assert_eq!(output.stdout, b"second");
    let err = env.fails(2, &["doc", "rm", "esum"]);
    assert!(err.contains("matches 3 documents"), "{err}");
    let err = env.fails(2, &["doc", "rm", "cv"]);
    assert!(err.contains("no document matches DOC \"cv\""), "{err}");
    assert_eq!(env.count("SELECT count(*) FROM documents"), 3);
}

#[test]
fn doc_help_examples_fit_80_columns_whole() {
    // An example that wraps cannot be pasted back as one command.
    let env = TestEnv::new();
    for command in [
        &["doc", "--help"][..],
        &["doc", "add", "--help"],
        &["doc", "get", "--help"],
    ] {
        let output = env
            .cmd()
            .env("COLUMNS", "80")
            .args(command)
            .output()
            .unwrap();
        assert!(output.status.success());
        let help = String::from_utf8(output.stdout).unwrap();
        let examples = help.split("Examples:\n").nth(1).expect("examples");
        for line in examples.lines().filter(|l| !l.is_empty()) {
            assert!(
                line.starts_with("  jobtrack ") || line.starts_with("  pbpaste "),
                "{command:?}: a wrapped example line {line:?}\n{help}"
            );
            assert!(line.chars().count() <= 80, "{line}");
        }
    }
}

#[test]
fn import_all_counts_each_table_in_words_that_agree() {
    // One document, one organization, one application with its two history
    // entries: "1 document", never "1 documents".
    let env = TestEnv::new();
    let resume = file(&env, "resume.pdf", b"%PDF-1.4 one page");
    env.ok(&["doc", "add", resume.to_str().unwrap(), "--kind", "resume"]);
    env.ok(&["app", "add", "Mercy Health", "Coder", "--resume", "1"]);
    let dir = env.path("export");
    env.ok(&["export", "--all", "--out", dir.to_str().unwrap()]);
    let fresh = TestEnv::new();
    let listed = "(1 organization, 1 document, 1 application, 2 application events)";
    let dry = fresh.ok(&["import", "--all", dir.to_str().unwrap(), "--dry-run"]);
    assert!(
        dry.contains(&format!("would be imported {listed}")),
        "{dry}"
    );
    let said = fresh.ok(&["import", "--all", dir.to_str().unwrap()]);
    assert!(said.contains("Imported 5 rows from"), "{said}");
    assert!(said.ends_with(&format!("{listed}\n")), "{said}");
    let again = fresh.fails(2, &["import", "--all", dir.to_str().unwrap()]);
    assert!(
        again.contains(
            "already holds 1 organization, 1 document, 1 application, 2 application events ("
        ),
        "{again}"
    );
    assert_eq!(fresh.count("SELECT count(*) FROM applications"), 1);
}
