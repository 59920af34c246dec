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

/// The (added, updated, already_there) counts of an import's JSON report.
fn counts(report: &serde_json::Value) -> (i64, i64, i64) {
    let n = |key: &str| {
        report[key]
            .as_i64()
            .unwrap_or_else(|| panic!("{key}: {report}"))
    };
    (n("added"), n("updated"), n("already_there"))
}

#[test]
fn a_re_imported_file_adds_nothing() {
    let env = TestEnv::new();
    let file = env.path("mine.csv");
    std::fs::write(
        &file,
        "org,title,status,applied_on,url\n\
         Mercy Health,Coder,applied,2026-10-01,\n\
         Mercy Health,Analyst,interview,2026-10-02,https://jobs.example.org/1\n\
         St. Luke's,Clerk,saved,,\n",
    )
    .unwrap();
    let arg = file.to_str().unwrap();
    assert_eq!(
        counts(&env.json(&["import", "applications", arg])),
        (3, 0, 0)
    );
    let again = env.json(&["import", "applications", arg]);
    assert_eq!(counts(&again), (0, 0, 3), "{again}");
    assert_eq!(again["skipped"], 0);
    assert_eq!(env.count("SELECT count(*) FROM applications"), 3);
    assert_eq!(env.count("SELECT count(*) FROM application_events"), 3);

    // Matched by url whatever the title says; by org, title (any case)
    // and date otherwise; a different date is another application.
    std::fs::write(
        &file,
        "org,title,status,applied_on,url\n\
         mercy health,CODER,applied,2026-10-01,\n\
         Mercy Health,Renamed,interview,2026-10-02,https://jobs.example.org/1\n\
         Mercy Health,Coder,applied,2026-10-09,\n",
    )
    .unwrap();
    let text = env.ok(&["import", "applications", arg]);
    assert!(
        text.contains("Imported 1 row") && text.contains("2 rows already there"),
        "{text}"
    );

    // An exported file (ids kept) imports again as already there.
    let exported = env.path("export.csv");
    std::fs::write(&exported, env.ok(&["export", "applications"])).unwrap();
    let again = env.json(&["import", "applications", exported.to_str().unwrap()]);
    assert_eq!(counts(&again), (0, 0, 4), "{again}");

    // Contacts: by LinkedIn URL, else name and organization.
    let contacts = env.path("contacts.csv");
    std::fs::write(
        &contacts,
        "name,org,linkedin_url\n\
         Dana Reyes,Mercy Health,https://www.linkedin.com/in/dana\n\
         Sam Ortiz,St. Luke's,\n",
    )
    .unwrap();
    let arg = contacts.to_str().unwrap();
    assert_eq!(counts(&env.json(&["import", "contacts", arg])), (2, 0, 0));
    assert_eq!(counts(&env.json(&["import", "contacts", arg])), (0, 0, 2));

    // Other tables: every column given matches.
    let shifts = env.path("shifts.csv");
    std::fs::write(&shifts, "org,date,hours\nFood Bank,2026-11-01,3\n").unwrap();
    let arg = shifts.to_str().unwrap();
    assert_eq!(
        counts(&env.json(&["import", "volunteer_shifts", arg])),
        (1, 0, 0)
    );
    assert_eq!(
        counts(&env.json(&["import", "volunteer_shifts", arg])),
        (0, 0, 1)
    );
    std::fs::write(&shifts, "org,date,hours\nFood Bank,2026-11-01,4\n").unwrap();
    assert_eq!(
        counts(&env.json(&["import", "volunteer_shifts", arg])),
        (1, 0, 0)
    );
}

#[test]
fn update_changes_only_the_edited_cells_and_records_a_status_change() {
    let env = TestEnv::new();
    env.ok(&[
        "app",
        "add",
        "Mercy Health",
        "Coder",
        "--applied",
        "2026-11-02",
    ]);
    env.ok(&[
        "app",
        "add",
        "St. Luke's",
        "Analyst",
        "--location",
        "Akron, OH",
    ]);
    let file = env.path("apps.csv");
    let exported = env.ok(&["export", "applications"]);
    // Edit the status of row 2 (id 1) and the location of row 3 (id 2).
    assert!(exported.contains("\"Akron, OH\""), "{exported}");
    let edited = exported
        .lines()
        .enumerate()
        .map(|(i, line)| match i {
            1 => line.replacen(",applied,", ",interview,", 1),
            2 => line.replacen("\"Akron, OH\"", "\"Canton, OH\"", 1),
            _ => line.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(&file, format!("{edited}\n")).unwrap();
    let arg = file.to_str().unwrap();
    let untouched = |env: &TestEnv| -> Vec<String> {
        let sql = env.sql();
        let mut statement = sql
            .prepare(
                "SELECT quote(org_id) || quote(title) || quote(source) || quote(url) \
                 || quote(applied_on) || quote(follow_up_on) || quote(notes) \
                 || quote(created_at) FROM applications ORDER BY id",
            )
            .unwrap();
        statement
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(|r| r.unwrap())
            .collect()
    };
    let before = untouched(&env);

    // Without --update: refused, naming the row and what to do.
    let stderr = env.fails(2, &["import", "applications", arg]);
    assert!(
        stderr.contains("row 2, id \"1\"")
            && stderr.contains("already in applications with other values")
            && stderr.contains("--update"),
        "{stderr}"
    );
    assert!(stderr.contains("row 3, id \"2\""), "{stderr}");

    assert_eq!(
        env.count("SELECT count(*) FROM applications WHERE status = 'interview'"),
        0
    );
    let report = env.json(&["import", "applications", arg, "--update"]);
    assert_eq!(counts(&report), (0, 2, 0), "{report}");
    assert_eq!(untouched(&env), before, "only the edited cells change");
    let one = env.json(&["app", "show", "1"]);
    assert_eq!(one["status"], "interview");
    assert_eq!(one["title"], "Coder");
    assert_eq!(one["applied_on"], "2026-11-02", "other cells kept");
    let events = one["events"].as_array().unwrap();
    let last = events.last().unwrap();
    assert_eq!(
        (last["date"].as_str(), last["to_status"].as_str()),
        (Some("2026-11-26"), Some("interview")),
        "{one}"
    );
    assert_eq!(
        env.count("SELECT count(*) FROM applications WHERE id = 1 AND stage_since = '2026-11-26' AND furthest_status = 'interview'"),
        1,
        "derived columns recomputed"
    );
    let two = env.json(&["app", "show", "2"]);
    assert_eq!(two["location"], "Canton, OH");
    assert_eq!(two["status"], "applied");
    assert_eq!(
        two["events"].as_array().unwrap().len(),
        2,
        "no status entry"
    );

    // Importing the same file again changes nothing more.
    let report = env.json(&["import", "applications", arg, "--update"]);
    assert_eq!(counts(&report), (0, 0, 2), "{report}");
    assert_eq!(
        env.count("SELECT count(*) FROM application_events WHERE application_id = 1"),
        3
    );
}

/// A tracker spreadsheet saved from Excel: its own header names, US dates,
/// status words, thousands separators, a blank row and a column jobtrack
/// has no place for.
const SPREADSHEET: &str = "\u{feff}Company,Job Title,Date Applied,Stage,Salary Range,Job Link,Excitement,Comments\r\n\
Mercy Health,Coder II,8/25/2026,Interviewing,\"42,000-48,000\",https://jobs.example.org/1,5,called twice\r\n\
St. Luke's,Release of Information,9/3/2026,Phone screen,$45k,,3,\r\n\
,,,,,,,\r\n\
Summa Health,HIM Analyst,Oct 2 2026,Wishlist,,,4,\r\n\
Cleveland Clinic,Clerk,10/14/26,No response,,,1,\r\n\
Akron General,Coder,11/2/2026,Declined,,,2,\r\n";

#[test]
fn a_spreadsheet_with_us_dates_synonyms_and_status_words_imports() {
    let env = TestEnv::new();
    let file = env.path("tracker.csv");
    std::fs::write(&file, SPREADSHEET).unwrap();
    let arg = file.to_str().unwrap();

    let output = env
        .cmd()
        .args(["import", "applications", arg, "--dry-run"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    for line in [
        "Company → org",
        "Date Applied → applied_on",
        "Salary Range → salary",
        "status Interviewing → interview",
        "status Declined → withdrawn",
        "status No response → ghosted",
        "would be added",
    ] {
        assert!(stdout.contains(line), "{line:?} in:\n{stdout}");
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("Excitement"), "{stderr}");
    assert_eq!(env.count("SELECT count(*) FROM applications"), 0);

    let report = env.json(&["import", "applications", arg]);
    assert_eq!(report["added"], 5, "the blank row is skipped: {report}");
    // Salaries are stored as REAL (hourly figures carry cents).
    let row = |title: &str| -> (String, String, Option<f64>, Option<f64>) {
        env.sql()
            .query_row(
                "SELECT status, applied_on, salary_min, salary_max FROM applications
                 WHERE title = ?1",
                [title],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .unwrap()
    };
    assert_eq!(
        row("Coder II"),
        (
            "interview".into(),
            "2026-08-25".into(),
            Some(42000.0),
            Some(48000.0)
        )
    );
    assert_eq!(
        row("Release of Information"),
        (
            "screening".into(),
            "2026-09-03".into(),
            Some(45000.0),
            Some(45000.0)
        )
    );
    assert_eq!(row("HIM Analyst").0, "saved");
    assert_eq!(row("HIM Analyst").1, "2026-10-02");
    assert_eq!(
        row("Clerk"),
        ("ghosted".into(), "2026-10-14".into(), None, None)
    );
    assert_eq!(row("Coder").0, "withdrawn");
    assert_eq!(
        env.count("SELECT count(*) FROM applications WHERE notes = 'called twice' AND url = 'https://jobs.example.org/1'"),
        1
    );
}

#[test]
fn an_ambiguous_date_column_asks_for_date_format() {
    let env = TestEnv::new();
    env.ok(&["init"]);
    let file = env.path("dates.csv");
    std::fs::write(
        &file,
        "Company,Position,Applied\nMercy Health,Coder,3/4/2026\nSumma,Clerk,5/6/2026\n",
    )
    .unwrap();
    let arg = file.to_str().unwrap();
    let stderr = env.fails(2, &["import", "applications", arg]);
    assert!(
        stderr.contains("applied_on")
            && stderr.contains("--date-format mdy")
            && stderr.contains("--date-format dmy"),
        "{stderr}"
    );
    assert_eq!(env.count("SELECT count(*) FROM applications"), 0);
    env.ok(&["import", "applications", arg, "--date-format", "dmy"]);
    assert_eq!(
        env.count(
            "SELECT count(*) FROM applications WHERE applied_on IN ('2026-04-03', '2026-06-05')"
        ),
        2
    );

    // One date that reads only day/month decides the column, even after
    // ambiguous rows: then they must be read again, so the import asks.
    let other = TestEnv::new();
    other.ok(&["init"]);
    std::fs::write(
        &file,
        "Company,Position,Applied\nMercy Health,Coder,3/4/2026\nSumma,Clerk,25/6/2026\n",
    )
    .unwrap();
    let stderr = other.fails(2, &["import", "applications", arg]);
    assert!(
        stderr.contains("row 3") && stderr.contains("--date-format dmy"),
        "{stderr}"
    );
    // Day/month first: the column is settled before the ambiguous row.
    std::fs::write(
        &file,
        "Company,Position,Applied\nSumma,Clerk,25/6/2026\nMercy Health,Coder,3/4/2026\n",
    )
    .unwrap();
    other.ok(&["import", "applications", arg]);
    assert_eq!(
        other.count(
            "SELECT count(*) FROM applications WHERE applied_on IN ('2026-06-25', '2026-04-03')"
        ),
        2
    );
}

#[test]
fn map_names_columns_and_an_unknown_status_word_lists_the_words() {
    let env = TestEnv::new();
    env.ok(&["init"]);
    let file = env.path("odd.csv");
    std::fs::write(
        &file,
        "Employer Name,What,Where I Saw It,Progress\nMercy Health,Coder,Indeed,Hired\nSumma,Clerk,Indeed,Maybe later\n",
    )
    .unwrap();
    let arg = file.to_str().unwrap();
    let stderr = env.fails(
        2,
        &[
            "import",
            "applications",
            arg,
            "--map",
            "Employer Name=org,What=title,Where I Saw It=source,Progress=status",
        ],
    );
    assert!(
        stderr.contains("row 3, status \"Maybe later\"")
            && stderr.contains("saved, applied")
            && stderr.contains("Phone screen"),
        "{stderr}"
    );
    std::fs::write(
        &file,
        "Employer Name,What,Where I Saw It,Progress\nMercy Health,Coder,Indeed,Hired\n",
    )
    .unwrap();
    env.ok(&[
        "import",
        "applications",
        arg,
        "--map",
        "Employer Name=org, What=title,where i saw it=source,Progress=status",
    ]);
    assert_eq!(
        env.count(
            "SELECT count(*) FROM applications WHERE status = 'accepted' AND source = 'indeed'"
        ),
        1
    );
    let stderr = env.fails(2, &["import", "applications", arg, "--map", "What=job"]);
    assert!(
        stderr.contains("--map") && stderr.contains("title"),
        "{stderr}"
    );
}

#[test]
fn an_xlsx_workbook_imports_from_its_sheet() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let env = TestEnv::new();
    env.ok(&["init"]);
    let path = env.path("tracker.xlsx");
    let mut workbook = Workbook::new();
    let notes = workbook.add_worksheet();
    notes.set_name("Notes").unwrap();
    notes.write_string(0, 0, "not the applications").unwrap();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Applications").unwrap();
    let date = Format::new().set_num_format("m/d/yyyy");
    for (col, name) in ["Company", "Position", "Date Applied", "Status", "Salary"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, col as u16, *name).unwrap();
    }
    type Row<'a> = (&'a str, &'a str, (u16, u8, u8), &'a str, f64);
    let rows: [Row; 2] = [
        (
            "Mercy Health",
            "Coder II",
            (2026, 8, 25),
            "Interviewing",
            42000.0,
        ),
        (
            "Zoë's Clinic",
            "HIM Analyst",
            (2026, 9, 3),
            "Applied",
            51000.0,
        ),
    ];
    for (i, (org, title, (y, m, d), status, salary)) in rows.iter().enumerate() {
        let row = i as u32 + 1;
        sheet.write_string(row, 0, *org).unwrap();
        sheet.write_string(row, 1, *title).unwrap();
        let when = ExcelDateTime::from_ymd(*y, *m, *d).unwrap();
        sheet
            .write_datetime_with_format(row, 2, &when, &date)
            .unwrap();
        sheet.write_string(row, 3, *status).unwrap();
        sheet.write_number(row, 4, *salary).unwrap();
    }
    workbook.save(&path).unwrap();
    let arg = path.to_str().unwrap();

    // The first sheet has no title column.
    let stderr = env.fails(2, &["import", "applications", arg]);
    assert!(stderr.contains("no org, title column"), "{stderr}");
    let stderr = env.fails(2, &["import", "applications", arg, "--sheet", "Jobs"]);
    assert!(stderr.contains("Notes, Applications"), "{stderr}");

    let report = env.json(&["import", "applications", arg, "--sheet", "applications"]);
    assert_eq!(report["added"], 2, "{report}");
    let stored: (String, String, String, f64) = env
        .sql()
        .query_row(
            "SELECT o.name, a.applied_on, a.status, a.salary_min FROM applications a
             JOIN organizations o ON o.id = a.org_id WHERE a.title = 'Coder II'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    assert_eq!(
        stored,
        (
            "Mercy Health".into(),
            "2026-08-25".into(),
            "interview".into(),
            42000.0
        )
    );
    assert_eq!(
        env.count("SELECT count(*) FROM organizations WHERE name = 'Zoë''s Clinic'"),
        1
    );
    // A CSV file takes no --sheet.
    let csv = env.path("plain.csv");
    std::fs::write(&csv, "org,title\nA,B\n").unwrap();
    let stderr = env.fails(
        2,
        &[
            "import",
            "applications",
            csv.to_str().unwrap(),
            "--sheet",
            "x",
        ],
    );
    assert!(stderr.contains("--sheet"), "{stderr}");
}

// LinkedIn's data export as it has looked over the years (made-up people).
// 2018: no "Notes:" preamble, no URL column, dates like "1/8/18, 6:14 PM",
// and member ids where an email would be.
const CONNECTIONS_2018: &str = "First Name,Last Name,Email Address,Company,Position,Connected On\n\
Marisol,Vega,urn:li:member:48213377,Mercy Health,Coding Specialist,\"1/8/18, 6:14 PM\"\n\
Tobias,Lindqvist,tobias.l@example.org,-,Student,\"12/30/17, 9:02 AM\"\n\
,,,,,\"2/2/18, 1:00 PM\"\n\
Priya,Raman,,N/A,HIM Consultant,\"3/15/18, 11:45 AM\"\n";

// 2021–2022: the preamble, still no URL, dates like 12 Nov 2021.
const CONNECTIONS_2022: &str = "Notes:\n\
\"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connected members who have allowed their connections to see or download it. Learn more https://www.linkedin.com/help/linkedin/answer/261\"\n\
\n\
First Name,Last Name,Email Address,Company,Position,Connected On\n\
Dmitri,Okafor,,Summa Health,Release of Information Specialist,12 Nov 2021\n\
Lena,Hoffmann,lena.h@example.org,Confidential,Recruiter,03 Feb 2022\n";

// 2023 on: the preamble and a URL column.
const CONNECTIONS_2024: &str = "Notes:\n\
\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\n\
\n\
First Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
Marisol,Vega,https://www.linkedin.com/in/marisol-vega,marisol@example.org,Mercy Health,Coding Manager,05 Jan 2024\n\
Kwame,Asante,https://www.linkedin.com/in/kwame-asante,,Akron General,HIM Director,19 Mar 2024\n";

// Opened and saved again in Excel: CRLF, a BOM, dates like 23-Apr-23.
const CONNECTIONS_EXCEL: &str =
    "\u{feff}First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n\
Rosa,Delgado,https://www.linkedin.com/in/rosa-delgado,,Cleveland Clinic,Coder,23-Apr-23\r\n\
Ian,McBride,,,none,Volunteer,07-Jun-23\r\n";

const APPLICATIONS_HEADER: &str = "Application Date,Contact Email,Contact Phone Number,Company Name,Job Title,Job Url,Resume Name,Question And Answers\n";

/// A Job Applications file: removed postings (no company, no title) among
/// real ones.
fn job_applications(first: u32) -> String {
    let mut csv = String::from(APPLICATIONS_HEADER);
    for i in first..first + 4 {
        if i % 4 == 2 {
            csv.push_str(&format!(
                "\"7/{i}/23, 2:20 PM\",me@example.org,,,,https://www.linkedin.com/jobs/view/{i},resume.pdf,\n"
            ));
        } else {
            csv.push_str(&format!(
                "\"7/{i}/23, 2:20 PM\",me@example.org,,Org {i},Health Information Technician {i},https://www.linkedin.com/jobs/view/{i},resume.pdf,\"Years? : 2\"\n"
            ));
        }
    }
    csv
}

const SAVED_JOBS: &str = "Saved Date,Job Url,Job Title,Company Name\n\
\"6/30/23, 8:00 AM\",https://www.linkedin.com/jobs/view/1,Health Information Technician 1,Org 1\n\
\"8/14/23, 4:40 PM\",https://www.linkedin.com/jobs/view/900,Coding Specialist,St. Luke's Hospital\n\
\"8/15/23, 4:40 PM\",https://www.linkedin.com/jobs/view/901,,--\n";

#[test]
fn every_connections_variant_imports_every_named_row() {
    let env = TestEnv::new();
    env.ok(&["init"]);
    let import = |name: &str, text: &str| -> serde_json::Value {
        let path = env.path(name);
        std::fs::write(&path, text).unwrap();
        env.json(&["import", "linkedin-connections", path.to_str().unwrap()])
    };
    let old = import("2018.csv", CONNECTIONS_2018);
    assert_eq!(old["added"], 3, "{old}");
    assert_eq!(old["skipped"], 1);
    assert_eq!(old["skipped_rows"], serde_json::json!([4]));
    assert_eq!(import("2022.csv", CONNECTIONS_2022)["added"], 2);
    let new = import("2024.csv", CONNECTIONS_2024);
    assert_eq!(
        (new["added"].as_i64(), new["already_there"].as_i64()),
        (Some(1), Some(1)),
        "{new}"
    );
    assert_eq!(import("excel.csv", CONNECTIONS_EXCEL)["added"], 2);
    assert_eq!(env.count("SELECT count(*) FROM contacts"), 8);

    let contact = |name: &str| -> (Option<String>, Option<String>, Option<String>, String) {
        env.sql()
            .query_row(
                "SELECT c.email, c.linkedin_url, o.name, c.added_on FROM contacts c
                 LEFT JOIN organizations o ON o.id = c.org_id WHERE c.name = ?1",
                [name],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .unwrap()
    };
    // The 2018 member id was no email; the 2024 file filled in the URL and
    // the email of the contact it matched.
    assert_eq!(
        contact("Marisol Vega"),
        (
            Some("marisol@example.org".into()),
            Some("https://www.linkedin.com/in/marisol-vega".into()),
            Some("Mercy Health".into()),
            "2018-01-08".into()
        )
    );
    assert_eq!(contact("Tobias Lindqvist").2, None, "- is no company");
    assert_eq!(contact("Tobias Lindqvist").3, "2017-12-30");
    assert_eq!(contact("Priya Raman").2, None, "N/A is no company");
    assert_eq!(
        contact("Lena Hoffmann").2,
        None,
        "Confidential is no company"
    );
    assert_eq!(contact("Dmitri Okafor").3, "2021-11-12");
    assert_eq!(contact("Rosa Delgado").3, "2023-04-23");
    assert_eq!(contact("Ian McBride").2, None);
    assert_eq!(
        env.count("SELECT count(*) FROM contacts WHERE email LIKE 'urn:%'"),
        0
    );
    for placeholder in ["-", "N/A", "Confidential", "none"] {
        assert_eq!(
            env.count(&format!(
                "SELECT count(*) FROM organizations WHERE name = '{placeholder}'"
            )),
            0
        );
    }
}

#[test]
fn removed_postings_are_skipped_with_their_rows_never_an_abort() {
    let env = TestEnv::new();
    let path = env.path("Job Applications.csv");
    std::fs::write(&path, job_applications(1)).unwrap();
    let output = env
        .cmd()
        .args([
            "--json",
            "import",
            "linkedin-applications",
            path.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["added"], 3, "{report}");
    assert_eq!(report["skipped"], 1);
    assert_eq!(report["skipped_rows"], serde_json::json!([3]));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("skipped 1 row with no company or no title") && stderr.contains("row 3"),
        "{stderr}"
    );
    // Applied in 2023, quiet since: the note counts what app close --stale
    // would close and gives the command.
    assert!(
        stderr.contains("3 applications are now stale")
            && stderr.contains("jobtrack app close --stale --as ghosted --dry-run"),
        "{stderr}"
    );
}

#[test]
fn a_whole_export_imports_from_its_zip_or_its_folder_in_one_go() {
    use std::io::Write;
    let env = TestEnv::new();
    let folder = env.path("Basic_LinkedInDataExport_11-26-2026");
    std::fs::create_dir_all(folder.join("Jobs")).unwrap();
    let files: Vec<(String, String)> = vec![
        ("Connections.csv".into(), CONNECTIONS_2024.into()),
        ("Jobs/Job Applications.csv".into(), job_applications(1)),
        ("Jobs/Job Applications_1.csv".into(), job_applications(5)),
        ("Jobs/Saved Jobs.csv".into(), SAVED_JOBS.into()),
        (
            "Profile.csv".into(),
            "First Name,Last Name\nMe,Myself\n".into(),
        ),
    ];
    let zip_path = env.path("Basic_LinkedInDataExport_11-26-2026.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&zip_path).unwrap());
    for (name, text) in &files {
        std::fs::write(folder.join(name), text).unwrap();
        let options = zip::write::SimpleFileOptions::default();
        zip.start_file(name.as_str(), options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();

    let reports = env.json(&["import", "linkedin", zip_path.to_str().unwrap()]);
    let reports = reports.as_array().unwrap();
    let summary: Vec<(String, i64, i64, i64)> = reports
        .iter()
        .map(|r| {
            (
                r["file"].as_str().unwrap().to_string(),
                r["added"].as_i64().unwrap(),
                r["already_there"].as_i64().unwrap(),
                r["skipped"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("Connections.csv".into(), 2, 0, 0),
            ("Jobs/Job Applications.csv".into(), 3, 0, 1),
            ("Jobs/Job Applications_1.csv".into(), 3, 0, 1),
            ("Jobs/Saved Jobs.csv".into(), 1, 1, 1),
        ]
    );
    assert_eq!(
        env.count("SELECT count(*) FROM applications WHERE status = 'applied'"),
        6
    );
    assert_eq!(
        env.count("SELECT count(*) FROM applications WHERE status = 'saved'"),
        1
    );

    // The unzipped folder is the same export: everything is already there.
    let again = env.json(&["import", "linkedin", folder.to_str().unwrap()]);
    let added: i64 = again
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["added"].as_i64().unwrap())
        .sum();
    let there: i64 = again
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["already_there"].as_i64().unwrap())
        .sum();
    assert_eq!((added, there), (0, 2 + 6 + 2));

    // A file that is not an export is refused, and a folder without its files.
    let stderr = env.fails(
        2,
        &[
            "import",
            "linkedin",
            env.path("Basic_LinkedInDataExport_11-26-2026/Profile.csv")
                .to_str()
                .unwrap(),
        ],
    );
    assert!(stderr.contains("not a LinkedIn export"), "{stderr}");
    let empty = env.path("empty");
    std::fs::create_dir(&empty).unwrap();
    let stderr = env.fails(2, &["import", "linkedin", empty.to_str().unwrap()]);
    assert!(stderr.contains("Get a copy of your data"), "{stderr}");
}

#[test]
fn export_for_excel_has_a_bom_and_crlf_and_imports_back() {
    let env = TestEnv::new();
    env.ok(&[
        "app",
        "add",
        "Zoë's Clinic",
        "Coder",
        "--note",
        "line one\nline two",
    ]);
    env.ok(&["contact", "add", "Zoë Ñandú", "--org", "Zoë's Clinic"]);
    let output = env
        .cmd()
        .args(["export", "applications", "--excel"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let bytes = output.stdout;
    assert!(bytes.starts_with("\u{feff}id,org,title".as_bytes()));
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.contains("Zoë's Clinic"));
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    assert!(
        lines[0].ends_with("\r\n") && lines.last().unwrap().ends_with("\r\n"),
        "{text:?}"
    );
    let plain = env.ok(&["export", "applications"]);
    assert!(!plain.starts_with('\u{feff}') && !plain.contains('\r'));

    let out = env.path("for-excel");
    env.ok(&["export", "--all", "--out", out.to_str().unwrap(), "--excel"]);
    let contacts = std::fs::read_to_string(out.join("contacts.csv")).unwrap();
    assert!(
        contacts.starts_with('\u{feff}') && contacts.contains("Zoë Ñandú,"),
        "{contacts:?}"
    );
    assert!(
        contacts.split_inclusive('\n').all(|l| l.ends_with("\r\n")),
        "{contacts:?}"
    );
    // What Excel gets back imports as it is.
    let fresh = TestEnv::new();
    fresh.ok(&["import", "--all", out.to_str().unwrap()]);
    assert_eq!(
        fresh.count("SELECT count(*) FROM contacts WHERE name = 'Zoë Ñandú'"),
        1
    );
    assert_eq!(
        fresh.count("SELECT count(*) FROM applications WHERE notes = 'line one\nline two'"),
        1
    );

    let stderr = env.fails(
        2,
        &["export", "applications", "--excel", "--format", "json"],
    );
    assert!(stderr.contains("--excel"), "{stderr}");
}

#[test]
fn a_whole_export_with_an_unknown_column_is_refused() {
    let env = TestEnv::new();
    env.ok(&["app", "add", "Mercy Health", "Coder"]);
    let out = env.path("out");
    env.ok(&["export", "--all", "--out", out.to_str().unwrap()]);
    let apps = out.join("applications.csv");
    let text = std::fs::read_to_string(&apps).unwrap();
    let mut lines = text.lines();
    let header = format!("{},mood", lines.next().unwrap());
    let rows: Vec<String> = lines.map(|l| format!("{l},happy")).collect();
    std::fs::write(&apps, format!("{header}\n{}\n", rows.join("\n"))).unwrap();
    let fresh = TestEnv::new();
    let stderr = fresh.fails(2, &["import", "--all", out.to_str().unwrap()]);
    assert!(stderr.contains("unknown column mood"), "{stderr}");
}

/// A minimal OpenDocument spreadsheet: one sheet of text cells, with the
/// date column stored as a date.
fn ods_bytes(rows: &[[&str; 3]]) -> Vec<u8> {
    use std::io::Write;
    let mut table = String::new();
    for (index, row) in rows.iter().enumerate() {
        table.push_str("<table:table-row>");
        for (column, cell) in row.iter().enumerate() {
            if index > 0 && column == 2 {
                table.push_str(&format!(
                    "<table:table-cell office:value-type=\"date\" office:date-value=\"{cell}\"><text:p>{cell}</text:p></table:table-cell>"
                ));
            } else {
                table.push_str(&format!(
                    "<table:table-cell office:value-type=\"string\"><text:p>{cell}</text:p></table:table-cell>"
                ));
            }
        }
        table.push_str("</table:table-row>");
    }
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
         <office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
         xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" \
         xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">\
         <office:body><office:spreadsheet><table:table table:name=\"Jobs\">{table}</table:table>\
         </office:spreadsheet></office:body></office:document-content>"
    );
    let manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
        <manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">\
        <manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>\
        <manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\
        </manifest:manifest>";
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    zip.start_file("META-INF/manifest.xml", stored).unwrap();
    zip.write_all(manifest.as_bytes()).unwrap();
    zip.start_file("content.xml", stored).unwrap();
    zip.write_all(content.as_bytes()).unwrap();
    zip.finish().unwrap().into_inner()
}

#[test]
fn an_ods_workbook_imports_too() {
    let env = TestEnv::new();
    let path = env.path("tracker.ods");
    std::fs::write(
        &path,
        ods_bytes(&[
            ["Employer", "Role", "Date Applied"],
            ["Mercy Health", "Coder", "2026-08-25"],
            ["Summa Health", "Clerk", "2026-09-03"],
        ]),
    )
    .unwrap();
    let report = env.json(&["import", "applications", path.to_str().unwrap()]);
    assert_eq!(report["added"], 2, "{report}");
    assert_eq!(
        env.count(
            "SELECT count(*) FROM applications WHERE title = 'Coder' AND applied_on = '2026-08-25'"
        ),
        1
    );
}
