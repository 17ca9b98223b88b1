//! Files that are not tables, recognised from their text before a table reader would take
//! their first line for a header: TSPLIB/CVRPLIB route instances, FIMI `.dat` baskets
//! (integers, a varying number per line) and baskets written one per line (words, a varying
//! number per line, repeating across lines).

use super::evidence::Evidence;
use super::{Shape, Suggested, Understanding};
use crate::table::{sniff, ReadOptions};
use std::collections::HashMap;

/// How much of the file is looked at.
const HEAD: usize = 1 << 16;

/// The most lines looked at.
const LINES: usize = 2000;

/// Understands a file that is not a table, or `None` when it may be one.
pub fn understand_text(bytes: &[u8], options: &ReadOptions) -> Option<Understanding> {
    if sniff::container(bytes).is_some()
        || sniff::check_text_as(bytes, options.encoding.as_deref()).is_err()
    {
        return None;
    }
    let head = &bytes[..bytes.len().min(HEAD)];
    let encoding = options
        .encoding
        .as_deref()
        .and_then(|l| encoding_rs::Encoding::for_label(l.trim().as_bytes()))
        .unwrap_or_else(|| sniff::encoding(bytes));
    let (text, _, _) = encoding.decode(head);
    let mut lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(LINES)
        .collect();
    // The last line may be cut off by the head.
    if bytes.len() > HEAD && lines.len() > 1 {
        lines.pop();
    }
    let (shape, evidence) = if is_route_instance(&lines) {
        (Shape::RouteInstance, Evidence::RouteKeywords)
    } else if let Some(evidence) = integer_lines(&lines) {
        (Shape::BasketLines, evidence)
    } else {
        (Shape::BasketLines, word_lines(&lines)?)
    };
    Some(Understanding {
        shape,
        shape_evidence: vec![evidence],
        frequency: None,
        columns: Vec::new(),
        suggested: Suggested::default(),
    })
}

/// TSPLIB/CVRPLIB: a section keyword, or two `KEY : value` specification lines.
fn is_route_instance(lines: &[&str]) -> bool {
    const SECTIONS: [&str; 4] = [
        "NODE_COORD_SECTION",
        "EDGE_WEIGHT_SECTION",
        "DEMAND_SECTION",
        "DEPOT_SECTION",
    ];
    const KEYS: [&str; 7] = [
        "NAME",
        "TYPE",
        "DIMENSION",
        "EDGE_WEIGHT_TYPE",
        "CAPACITY",
        "COMMENT",
        "EDGE_WEIGHT_FORMAT",
    ];
    let head = &lines[..lines.len().min(40)];
    let section = head
        .iter()
        .any(|l| SECTIONS.contains(&l.trim().to_ascii_uppercase().as_str()));
    let keys = head
        .iter()
        .filter(|l| {
            l.split_once(':')
                .is_some_and(|(k, _)| KEYS.contains(&k.trim().to_ascii_uppercase().as_str()))
        })
        .count();
    (section && keys >= 1) || keys >= 2
}

/// FIMI `.dat`: every line integers separated by blanks, and not all lines the same length
/// (equal lengths make a headerless table of numbers).
fn integer_lines(lines: &[&str]) -> Option<Evidence> {
    if lines.len() < 2 {
        return None;
    }
    let mut counts = Vec::with_capacity(lines.len());
    for line in lines {
        let mut n = 0;
        for token in line.split_whitespace() {
            if !token.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            n += 1;
        }
        counts.push(n);
    }
    let (min, max) = (*counts.iter().min()?, *counts.iter().max()?);
    (min != max).then_some(Evidence::IntegerLines {
        lines: lines.len(),
        min,
        max,
    })
}

/// Baskets of words, one per line: lengths vary a lot (the most common length is under
/// 60% of lines), words recur across lines, and few are numbers.
fn word_lines(lines: &[&str]) -> Option<Evidence> {
    if lines.len() < 3 {
        return None;
    }
    let separator = [',', ';', '\t']
        .into_iter()
        .find(|&s| lines.iter().any(|l| l.contains(s)))
        .unwrap_or(' ');
    let mut length_counts: HashMap<usize, usize> = HashMap::new();
    let mut words: HashMap<String, usize> = HashMap::new();
    let (mut total, mut numbers) = (0usize, 0usize);
    for line in lines {
        let fields = split_quoted(line, separator);
        *length_counts.entry(fields.len()).or_default() += 1;
        for field in fields {
            total += 1;
            if crate::table::infer::parse_decimal(&field).is_some() {
                numbers += 1;
            }
            *words.entry(field).or_default() += 1;
        }
    }
    let modal = length_counts.values().copied().max()?;
    let min = *length_counts.keys().min()?;
    let max = *length_counts.keys().max()?;
    let recur = words
        .values()
        .filter(|&&n| n > 1)
        .map(|n| n - 1)
        .sum::<usize>();
    let varied = modal * 10 < lines.len() * 6;
    (varied && numbers * 10 < total && recur * 4 >= total).then_some(Evidence::WordLines {
        lines: lines.len(),
        min,
        max,
    })
}

/// Fields of a line split at `separator` outside double quotes, trimmed and unquoted.
fn split_quoted(line: &str, separator: char) -> Vec<String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            c if c == separator && !quoted => fields.push(std::mem::take(&mut field)),
            c => field.push(c),
        }
    }
    fields.push(field);
    fields
        .into_iter()
        .map(|f| f.trim().to_string())
        .filter(|f| !f.is_empty())
        .collect()
}
