//! Files people actually have: standard input and pipes, unclosed quotes,
//! re-imports, spreadsheets and LinkedIn's exports.

use crate::util::TestEnv;

/// A CSV of `rows` applications, well over 4 KiB for a few dozen rows.
fn applications_csv(rows: usize) -> String {
    let mut csv = String::from("org,title,status,applied_on,notes\n");
    for i in 0..rows {
        csv.push_str(&format!(
            "Org {},Title {i},applied,2026-10-{:02},\"a note long enough to fill the pipe, row {i}\"\n",
            i % 7,
            i % 28 + 1
        ));
    }
    csv
}

#[test]
fn a_piped_csv_over_4_kib_imports_every_row() {
    let env = TestEnv::new();
    let csv = applications_csv(300);
    assert!(csv.len() > 3 * 4096);
    let output = env
        .cmd()
        .args(["--json", "import", "applications", "-"])
        .write_stdin(csv.clone())
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["added"], 300, "{report}");
    assert_eq!(env.count("SELECT count(*) FROM applications"), 300);
    assert_eq!(
        env.count("SELECT count(*) FROM applications WHERE title = 'Title 299'"),
        1
    );

    // /dev/stdin fed by a pipe is read once too, and the summary names it.
    let other = TestEnv::new();
    let output = other
        .cmd()
        .args(["import", "applications", "/dev/stdin"])
        .write_stdin(csv)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{output:?}");
    assert!(stdout.contains("Imported 300 rows"), "{stdout}");
    assert_eq!(other.count("SELECT count(*) FROM applications"), 300);

    // Nothing piped in: the same warning as an empty file, and no rows.
    let output = other
        .cmd()
        .args(["import", "applications", "-"])
        .write_stdin("")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("standard input is empty") && stderr.contains("header row"),
        "{stderr}"
    );
    assert_eq!(other.count("SELECT count(*) FROM applications"), 300);
}

#[test]
fn a_fifo_is_read_once() {
    let env = TestEnv::new();
    let fifo = env.path("apps.fifo");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let csv = applications_csv(200);
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::write(fifo, csv).unwrap())
    };
    let report = env.json(&["import", "applications", fifo.to_str().unwrap()]);
    writer.join().unwrap();
    assert_eq!(report["added"], 200, "{report}");
}

#[test]
fn standard_input_is_one_file_not_a_folder() {
    let env = TestEnv::new();
    let stderr = env.fails(2, &["import", "--all", "-"]);
    assert!(stderr.contains("import TABLE -"), "{stderr}");
    assert!(!env.db.exists());
}

#[test]
fn an_unclosed_quote_names_the_row_where_it_opened() {
    let env = TestEnv::new();
    env.ok(&["init"]);
    let file = env.path("open.csv");
    std::fs::write(
        &file,
        "org,title,notes\n\
         Mercy Health,Coder,\"closed, fine\"\n\
         St. Luke's,Analyst,\"forgot to close\n\
         Cleveland Clinic,Clerk,plain\n\
         Summa,Tech,plain\n",
    )
    .unwrap();
    let stderr = env.fails(2, &["import", "applications", file.to_str().unwrap()]);
    assert!(
        stderr.contains("row 3") && stderr.contains("never closed"),
        "{stderr}"
    );
    assert_eq!(env.count("SELECT count(*) FROM applications"), 0);
    assert_eq!(env.count("SELECT count(*) FROM organizations"), 0);

    // The same through standard input, and in a LinkedIn file.
    let output = env
        .cmd()
        .args(["import", "applications", "-"])
        .write_stdin(std::fs::read(&file).unwrap())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("standard input: row 3") && stderr.contains("never closed"),
        "{stderr}"
    );
    let saved = env.path("Saved Jobs.csv");
    std::fs::write(
        &saved,
        "Saved Date,Job Url,Job Title,Company Name\n\
         \"8/14/23, 4:40 PM\",,Coding Specialist,St. Luke's\n\
         \"8/15/23 4:40 PM,,Analyst,Mercy\n\
         2023-08-16,,Clerk,Summa\n",
    )
    .unwrap();
    let stderr = env.fails(
        2,
        &["import", "linkedin-saved-jobs", saved.to_str().unwrap()],
    );
    assert!(
        stderr.contains("row 3") && stderr.contains("never closed"),
        "{stderr}"
    );
    assert_eq!(env.count("SELECT count(*) FROM applications"), 0);
}
