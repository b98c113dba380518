use super::{
    check_rows, parse_csv, report, suggest_mapping, to_csv, ImportKind, Serialize, MAX_IMPORT_ROWS,
};

const CSV: &str =
    "Company,Contact,E-mail,Zip,Notes\nInitech,Nina Berg,nina@initech.example,10115,x\n\
                   ,Bob,not-an-email,,y\nGlobex,Hank Scorpio,hank@globex.example,,z\n";

#[test]
fn maps_headers_and_reports_bad_rows_by_line() {
    let table = parse_csv(CSV).unwrap();
    let mapping = suggest_mapping(ImportKind::Leads, &table.headers);
    let names: Vec<Option<&str>> = mapping.iter().map(|m| m.as_deref()).collect();
    assert_eq!(
        names,
        [
            Some("company"),
            Some("contact_name"),
            Some("email"),
            Some("postcode"),
            None
        ]
    );
    let checked = check_rows(ImportKind::Leads, &table, &mapping).unwrap();
    let r = report(&checked);
    assert_eq!((r.total, r.valid), (3, 2));
    assert_eq!(r.problems[0].line, 3);
    let fields: Vec<&str> = r.problems[0]
        .errors
        .iter()
        .map(|e| e.field.as_str())
        .collect();
    assert_eq!(fields, ["company", "email"]);
}

#[test]
fn refuses_bad_files_and_bad_mappings() {
    assert!(parse_csv("").is_err());
    assert!(parse_csv("a,b\n")
        .unwrap_err()
        .field("csv")
        .unwrap()
        .contains("no rows"));
    let ragged = parse_csv("a,b\n1,2\n1,2,3\n").unwrap_err();
    assert_eq!(
        ragged.field("csv"),
        Some("line 3 does not have 2 columns like the header")
    );
    let huge = format!("a\n{}", "1\n".repeat(MAX_IMPORT_ROWS + 1));
    assert!(parse_csv(&huge)
        .unwrap_err()
        .field("csv")
        .unwrap()
        .contains("more than"));
    let table = parse_csv(CSV).unwrap();
    let none = vec![None; 5];
    assert_eq!(
        check_rows(ImportKind::Leads, &table, &none)
            .unwrap_err()
            .field("mapping"),
        Some("no column is chosen for Company")
    );
    let twice = vec![Some("company".to_string()); 5];
    assert!(check_rows(ImportKind::Leads, &table, &twice).is_err());
}

#[test]
fn exports_quote_and_neutralise_formulas() {
    #[derive(Serialize)]
    struct R {
        name: String,
        n: i64,
    }
    let out = to_csv(
        &["name", "n"],
        &[
            R {
                name: "=HYPERLINK(\"x\")".into(),
                n: 3,
            },
            R {
                name: "a,b".into(),
                n: 4,
            },
        ],
    );
    assert_eq!(out, "name,n\n\"'=HYPERLINK(\"\"x\"\")\",3\n\"a,b\",4\n");
    assert_eq!(parse_csv(&out).unwrap().rows.len(), 2);
}
