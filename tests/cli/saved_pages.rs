//! Saved job pages as browsers and job sites really write them (DESIGN
//! §10.6): an Organization described in another JSON-LD block, pay given
//! as words, a page in Windows-1252, and files that are not pages at all.

use crate::util::TestEnv;

/// Writes `bytes` as `name` in the test's folder and returns its path.
fn saved(env: &TestEnv, name: &str, bytes: &[u8]) -> String {
    let path = env.path(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn an_organization_described_in_another_block_is_the_hiring_organization() {
    // Site builders write BreadcrumbList, Organization and WebSite blocks,
    // then a JobPosting that names the employer only by its @id.
    let env = TestEnv::new();
    let page = saved(
        &env,
        "coding.html",
        br##"<!DOCTYPE html><html><head><meta charset="utf-8">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"BreadcrumbList",
 "itemListElement":[{"@type":"ListItem","position":1,"name":"Jobs"}]}</script>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization",
 "@id":"https://riverbend.example/#org","name":"Riverbend Health","url":"https://riverbend.example"}</script>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"WebSite","name":"Careers"}</script>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"JobPosting",
 "title":"Coding Specialist II","hiringOrganization":{"@id":"https://riverbend.example/#org"}}</script>
</head><body></body></html>"##,
    );
    env.ok(&["app", "add", "--from", &page, "--status", "saved"]);
    let shown = env.json(&["app", "show", "1"]);
    assert_eq!(shown["org"], "Riverbend Health");
    assert_eq!(shown["title"], "Coding Specialist II");
}

#[test]
fn pay_given_as_words_keeps_the_period_it_names() {
    let env = TestEnv::new();
    for (salary, min, max, period) in [
        (r#""$20 - $25 an hour""#, 20, 25, "hour"),
        (
            r#"{"@type":"MonetaryAmount","value":"$4,100 per month"}"#,
            4100,
            4100,
            "month",
        ),
        (r#""52,000 - 58,000 annually""#, 52000, 58000, "year"),
    ] {
        let page = saved(
            &env,
            "pay.json",
            format!(
                r#"{{"@type":"JobPosting","title":"Coder","hiringOrganization":"Mercy",
                    "baseSalary":{salary}}}"#
            )
            .as_bytes(),
        );
        let id = env.ok(&["-q", "app", "add", "--from", &page]);
        let shown = env.json(&["app", "show", id.trim()]);
        assert_eq!(shown["salary_min"], min, "{salary}");
        assert_eq!(shown["salary_max"], max, "{salary}");
        assert_eq!(shown["salary_period"], period, "{salary}");
    }
    // Pay by the day, said in words, is left out like a DAY unitText.
    let page = saved(
        &env,
        "day.json",
        br#"{"@type":"JobPosting","title":"Coder","hiringOrganization":"Mercy","baseSalary":"$250 a day"}"#,
    );
    let output = env
        .cmd()
        .args(["app", "add", "--from", &page])
        .output()
        .unwrap();
    assert!(output.status.success());
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("pay per day"), "{said}");
    assert_eq!(
        env.json(&["app", "show", "4"])["salary_min"],
        serde_json::Value::Null
    );
}

#[test]
fn a_page_that_declares_windows_1252_is_read_in_it() {
    let env = TestEnv::new();
    let page = saved(
        &env,
        "stmary.html",
        b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">\
          <script type=\"application/ld+json\">{\"@type\":\"JobPosting\",\"title\":\"Coder \x96 Inpatient\",\
          \"hiringOrganization\":{\"name\":\"St. Mary\x92s Hospital\"},\
          \"description\":\"<p>Caf\xe9 on site. RHIA preferred.</p>\"}</script></head><body></body></html>",
    );
    env.ok(&["app", "add", "--from", &page]);
    let shown = env.json(&["app", "show", "1"]);
    assert_eq!(shown["org"], "St. Mary\u{2019}s Hospital");
    assert_eq!(shown["title"], "Coder \u{2013} Inpatient");
    assert_eq!(
        env.ok(&["app", "posting", "1"]),
        "Coder \u{2013} Inpatient at St. Mary\u{2019}s Hospital\n\nCaf\u{e9} on site. RHIA preferred.\n"
    );
    // A charset jobtrack does not read is named, and nothing is written.
    let page = saved(
        &env,
        "sjis.html",
        b"<meta charset=\"Shift_JIS\"><p>\x82\xa0</p>",
    );
    let said = env.fails(2, &["app", "add", "A", "B", "--from", &page]);
    assert!(said.contains("sjis.html is in shift_jis"), "{said}");
    assert_eq!(env.count("SELECT count(*) FROM applications"), 1);
}

#[test]
fn files_that_are_not_pages_are_named_for_what_they_are() {
    let env = TestEnv::new();
    for (name, bytes, what) in [
        (
            "posting.pdf",
            &b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"[..],
            "is a PDF file",
        ),
        (
            "shot.png",
            &b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"[..],
            "is an image",
        ),
        (
            "resume.docx",
            &b"PK\x03\x04\x14\0\x06\0"[..],
            "is a Word document or zip file",
        ),
        ("empty.html", &b"\n\n"[..], "is empty"),
    ] {
        let path = saved(&env, name, bytes);
        let said = env.fails(2, &["app", "add", "Mercy", "Coder", "--from", &path]);
        assert!(
            said.contains(&format!("{name} {what}, not a saved job page")),
            "{said}"
        );
    }
    let output = env
        .cmd()
        .args(["app", "add", "Mercy", "Coder", "--from", "-"])
        .write_stdin(Vec::new())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("standard input is empty"), "{said}");
    assert!(!env.db.exists());
}
