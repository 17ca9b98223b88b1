//! Personal data in a table: find the columns that look like it, then hash or drop them
//! before any analysis sees them.
//!
//! [`detect`] looks at each column's header and at a sample of its values for phone numbers
//! (mainland mobile numbers, with or without `+86`, and international `+` numbers), e-mail
//! addresses, Chinese resident ID numbers (18 characters whose ISO 7064 MOD 11-2 check
//! character is right), personal names and street addresses. Names and addresses are found
//! mostly by their headers (`姓名`, `收货人`, `address`, `收货地址`...), since a value alone
//! rarely proves it; phone numbers, e-mails and ID numbers are found by their values too,
//! whatever the header says.
//!
//! [`protect`] then returns a copy of the table in which each chosen column is dropped or
//! replaced by a salted SHA-256 digest of each value: equal values still match (so a
//! hashed customer id still groups orders), but nobody holding the result can read or
//! brute-force them back without the salt, which the caller draws per session and never
//! stores with the data.
//!
//! ```
//! use shoplens_core::privacy::{detect, PiiKind};
//! use shoplens_core::table::{read_bytes, ReadOptions};
//! let csv = "order,手机号,email\n1,13812345678,li@example.com\n2,139 1234 5678,wang@example.cn\n";
//! let table = read_bytes(csv.as_bytes(), &ReadOptions::default()).unwrap();
//! let kinds: Vec<PiiKind> = detect(&table).into_iter().map(|f| f.kind).collect();
//! assert_eq!(kinds, [PiiKind::Phone, PiiKind::Email]);
//! ```

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::table::{Column, ColumnData, Role, Table};
use crate::Lang;

/// How many non-missing values of a column are examined.
const SAMPLE: usize = 2000;

/// The share of sampled values that must match a value pattern for the column to be flagged.
const VALUE_SHARE: f64 = 0.6;

/// A kind of personal data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PiiKind {
    /// Telephone numbers.
    Phone,
    /// E-mail addresses.
    Email,
    /// Chinese resident identity card numbers.
    ChineseId,
    /// Names of people.
    Name,
    /// Postal or street addresses.
    Address,
}

impl PiiKind {
    /// The kind's name in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            PiiKind::Phone => lang.pick("电话号码", "phone numbers"),
            PiiKind::Email => lang.pick("电子邮件地址", "e-mail addresses"),
            PiiKind::ChineseId => lang.pick("身份证号码", "Chinese ID numbers"),
            PiiKind::Name => lang.pick("姓名", "personal names"),
            PiiKind::Address => lang.pick("地址", "addresses"),
        }
    }
}

/// A column that looks like personal data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PiiFlag {
    /// The column's index in the table.
    pub column: usize,
    /// The column's name.
    pub name: String,
    /// What it seems to hold.
    pub kind: PiiKind,
    /// Sampled non-missing values that match the kind's pattern.
    pub matched: usize,
    /// Non-missing values sampled.
    pub sampled: usize,
    /// Whether the header names the kind (`手机`, `email`, `收货地址`...).
    pub by_header: bool,
}

impl PiiFlag {
    /// One sentence for the user: which column, what it looks like, on what evidence.
    pub fn describe(&self, lang: Lang) -> String {
        let kind = self.kind.label(lang);
        let share = if self.sampled == 0 {
            0.0
        } else {
            self.matched as f64 * 100.0 / self.sampled as f64
        };
        match (lang, self.by_header) {
            (Lang::Zh, true) => format!("列“{}”看起来是{kind}（列名如此；抽查的值中 {share:.0}% 符合）。", self.name),
            (Lang::Zh, false) => format!("列“{}”看起来是{kind}（抽查的 {} 个值中 {share:.0}% 符合）。", self.name, self.sampled),
            (Lang::En, true) => format!("Column “{}” looks like {kind} (its header says so; {share:.0}% of sampled values fit).", self.name),
            (Lang::En, false) => format!("Column “{}” looks like {kind} ({share:.0}% of {} sampled values fit).", self.name, self.sampled),
        }
    }
}

/// Finds the columns of `table` that look like personal data, in column order; at most one
/// flag per column.
pub fn detect(table: &Table) -> Vec<PiiFlag> {
    table
        .columns()
        .iter()
        .enumerate()
        .filter_map(|(index, column)| detect_in_column(index, column))
        .collect()
}

/// Whether column `index` looks like personal data: by its values, or by its header when
/// the values do not contradict it (a `PhoneService` column of Yes/No is not a phone).
pub fn detect_in_column(index: usize, column: &Column) -> Option<PiiFlag> {
    detect_column(index, column)
}

fn detect_column(index: usize, column: &Column) -> Option<PiiFlag> {
    let header = header_kind(column.name());
    let values: Vec<String> = (0..column.len())
        .filter(|&row| !column.is_missing(row))
        .take(SAMPLE)
        .map(|row| {
            column
                .raw(row)
                .map(str::to_owned)
                .unwrap_or_else(|| column.display(row))
        })
        .collect();
    let sampled = values.len();
    let count = |test: fn(&str) -> bool| values.iter().filter(|v| test(v)).count();
    let by_value = [
        (PiiKind::Email, count(is_email)),
        (PiiKind::ChineseId, count(is_chinese_id)),
        (PiiKind::Phone, count(is_phone)),
        (PiiKind::Address, count(is_address)),
        (PiiKind::Name, count(is_chinese_name)),
    ];
    let strong = |kind: PiiKind, matched: usize| {
        // Names by value alone need a higher bar: short Chinese words are common.
        let share = if kind == PiiKind::Name {
            0.9
        } else {
            VALUE_SHARE
        };
        sampled > 0 && matched as f64 >= share * sampled as f64
    };
    if let Some((kind, matched)) = by_value.iter().copied().find(|&(k, m)| strong(k, m)) {
        return Some(PiiFlag {
            column: index,
            name: column.name().to_owned(),
            kind,
            matched,
            sampled,
            by_header: header == Some(kind),
        });
    }
    let kind = header?;
    if !values_fit_header(kind, &values) {
        return None;
    }
    let matched = by_value
        .iter()
        .find(|(k, _)| *k == kind)
        .map_or(0, |&(_, m)| m);
    Some(PiiFlag {
        column: index,
        name: column.name().to_owned(),
        kind,
        matched,
        sampled,
        by_header: true,
    })
}

/// Whether values could be of the kind a header names: the header is only support, so
/// values that cannot be phone numbers (Yes/No), names (numbers, `KEY: value` lines) or
/// addresses (short codes) overrule it.
fn values_fit_header(kind: PiiKind, values: &[String]) -> bool {
    if values.is_empty() {
        return true;
    }
    let share =
        |test: &dyn Fn(&str) -> bool| values.iter().filter(|v| test(v)).count() * 2 >= values.len();
    let digits = |v: &str| v.chars().filter(char::is_ascii_digit).count();
    let distinct = values
        .iter()
        .collect::<std::collections::HashSet<_>>()
        .len();
    match kind {
        PiiKind::Phone => share(&|v| digits(v) >= 6),
        PiiKind::ChineseId => share(&|v| digits(v) >= 15),
        PiiKind::Email => share(&|v| v.contains('@')),
        PiiKind::Name => {
            distinct > 2
                && share(&|v| {
                    let v = v.trim();
                    digits(v) == 0 && !v.contains(':') && v.chars().count() <= 40
                })
        }
        PiiKind::Address => distinct > 2 && share(&|v| v.chars().count() >= 6),
    }
}

/// The words of an English header: split at non-letters and at lower-to-upper case
/// changes (`PhoneService` → `phone`, `service`), lower case.
fn header_words(header: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut last_lower = false;
    for c in header.chars() {
        if !c.is_ascii_alphabetic() {
            if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            last_lower = false;
            continue;
        }
        if c.is_ascii_uppercase() && last_lower && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        last_lower = c.is_ascii_lowercase();
        word.push(c.to_ascii_lowercase());
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// What a header names, if it names personal data. English words match whole words of the
/// header (`rownames` is not a name, `customer_name` is); Chinese words anywhere in it.
fn header_kind(header: &str) -> Option<PiiKind> {
    let h = header.trim().to_lowercase();
    let header_words = header_words(header);
    let has = |words: &[&str]| {
        words.iter().any(|w| {
            if w.is_ascii() {
                let parts: Vec<&str> = w.split([' ', '-', '_']).collect();
                header_words
                    .windows(parts.len())
                    .any(|win| win.iter().zip(&parts).all(|(a, b)| a == b))
                    || (!w.contains([' ', '-', '_']) && h.replace([' ', '_', '-'], "") == *w)
            } else {
                h.contains(w)
            }
        })
    };
    // Product, shop, company and category names are not personal.
    if has(&[
        "product",
        "item",
        "lineitem",
        "article",
        "listing",
        "variant",
        "sku",
        "goods",
        "category",
        "shop",
        "store",
        "brand",
        "channel",
        "file",
        "opportunity",
        "account",
        "company",
        "business",
        "merchant",
        "vendor",
        "supplier",
        "campaign",
        "project",
        "menu",
        "dish",
        "商品",
        "宝贝",
        "产品",
        "品名",
        "店",
        "类目",
        "品牌",
        "渠道",
        "公司",
        "菜品",
    ]) {
        return None;
    }
    if has(&["email", "e-mail", "mail", "邮箱", "电子邮件"]) {
        Some(PiiKind::Email)
    } else if has(&["身份证", "idcard", "id card", "id_card", "证件号"]) {
        Some(PiiKind::ChineseId)
    } else if has(&["phone", "mobile", "tel", "cell", "手机", "电话", "联系方式"]) {
        Some(PiiKind::Phone)
    } else if has(&["address", "addr", "street", "地址", "街道", "住址"]) {
        Some(PiiKind::Address)
    } else if has(&[
        "name",
        "姓名",
        "收货人",
        "收件人",
        "联系人",
        "买家昵称",
        "客户名",
        "会员名",
    ]) {
        Some(PiiKind::Name)
    } else {
        None
    }
}

fn is_email(v: &str) -> bool {
    let v = v.trim();
    let Some((local, domain)) = v.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !v.contains(char::is_whitespace)
}

fn is_phone(v: &str) -> bool {
    let v = v.trim();
    let international = v.starts_with('+');
    let digits: String = v
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '(' | ')' | '+' | '.'))
        .collect();
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    let national = digits
        .strip_prefix("86")
        .filter(|d| d.len() == 11)
        .unwrap_or(&digits);
    let mainland_mobile = national.len() == 11
        && national.starts_with('1')
        && matches!(national.as_bytes()[1], b'3'..=b'9');
    mainland_mobile || (international && (8..=15).contains(&digits.len()))
}

/// An 18-character resident ID whose check character (ISO 7064 MOD 11-2) is right.
pub fn is_chinese_id(v: &str) -> bool {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const CHECK: [u8; 11] = *b"10X98765432";
    let v = v.trim().as_bytes();
    if v.len() != 18 || !v[..17].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let sum: u32 = v[..17]
        .iter()
        .zip(WEIGHTS)
        .map(|(d, w)| u32::from(d - b'0') * w)
        .sum();
    v[17].to_ascii_uppercase() == CHECK[(sum % 11) as usize]
}

fn is_address(v: &str) -> bool {
    const ZH: [char; 13] = [
        '省', '市', '区', '县', '路', '街', '号', '镇', '村', '巷', '弄', '栋', '室',
    ];
    let zh_marks = ZH.iter().filter(|c| v.contains(**c)).count();
    if zh_marks >= 3 {
        return true;
    }
    let lower = v.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == ',')
        .collect();
    let starts_with_number = words
        .first()
        .is_some_and(|w| w.chars().next().is_some_and(|c| c.is_ascii_digit()));
    starts_with_number
        && words.iter().any(|w| {
            matches!(
                w.trim_end_matches('.'),
                "st" | "street"
                    | "rd"
                    | "road"
                    | "ave"
                    | "avenue"
                    | "lane"
                    | "ln"
                    | "blvd"
                    | "drive"
                    | "dr"
                    | "way"
                    | "court"
                    | "ct"
                    | "place"
                    | "pl"
            )
        })
}

/// Two to four Chinese characters starting with one of the most common surnames.
fn is_chinese_name(v: &str) -> bool {
    const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    let v = v.trim();
    let count = v.chars().count();
    (2..=4).contains(&count)
        && v.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
        && v.chars().next().is_some_and(|c| SURNAMES.contains(c))
}

/// What to do with a flagged column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Protection {
    /// Leave it as it is.
    Keep,
    /// Replace each value by a salted digest (equal values stay equal).
    Hash,
    /// Remove the column.
    Drop,
}

/// The salted digest that replaces `value`: 16 hexadecimal characters of
/// SHA-256(salt ‖ value), prefixed with `#` so a reader sees it is not the original.
pub fn hash_value(salt: &[u8], value: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(salt);
    hasher.update(value.as_bytes());
    let digest = hasher.finalize();
    let mut out = String::with_capacity(17);
    out.push('#');
    for byte in &digest[..8] {
        out.push_str(&format!("{byte:02x}"));
    }
    out
}

/// A copy of `table` with each `(column index, protection)` applied; indexes out of range
/// are ignored. Hashed columns become text columns with the identifier role; missing cells
/// stay missing.
pub fn protect(table: &Table, choices: &[(usize, Protection)], salt: &[u8]) -> Table {
    let choice = |index: usize| {
        choices
            .iter()
            .rev()
            .find(|(i, _)| *i == index)
            .map_or(Protection::Keep, |(_, p)| *p)
    };
    let columns = table
        .columns()
        .iter()
        .enumerate()
        .filter_map(|(index, column)| match choice(index) {
            Protection::Keep => Some(column.clone()),
            Protection::Drop => None,
            Protection::Hash => {
                let missing: Vec<bool> = (0..column.len()).map(|r| column.is_missing(r)).collect();
                let values = (0..column.len())
                    .map(|row| {
                        if column.is_missing(row) {
                            String::new()
                        } else {
                            let text = column
                                .raw(row)
                                .map(str::to_owned)
                                .unwrap_or_else(|| column.display(row));
                            hash_value(salt, &text)
                        }
                    })
                    .collect();
                let mut hashed = Column::new(column.name(), ColumnData::Text(values), missing);
                hashed.set_role(Role::Identifier);
                Some(hashed)
            }
        })
        .collect();
    Table::new(columns, table.source().clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::{read_bytes, ReadOptions};

    fn table(csv: &str) -> Table {
        read_bytes(csv.as_bytes(), &ReadOptions::default()).unwrap()
    }

    #[test]
    fn id_numbers_need_the_right_check_character() {
        // The examples of GB 11643-1999.
        assert!(is_chinese_id("11010519491231002X"));
        assert!(is_chinese_id("440524188001010014"));
        assert!(!is_chinese_id("110105194912310021"));
        assert!(!is_chinese_id("44052418800101001"));
    }

    #[test]
    fn value_patterns() {
        for phone in [
            "13812345678",
            "+86 138 1234 5678",
            "139-1234-5678",
            "+44 20 7946 0958",
        ] {
            assert!(is_phone(phone), "{phone}");
        }
        for not_phone in ["12345678901", "536365", "2010-12-01", "12.5"] {
            assert!(!is_phone(not_phone), "{not_phone}");
        }
        assert!(is_email("li.na@example.com.cn"));
        assert!(!is_email("li@na"));
        assert!(!is_email("a b@example.com"));
        assert!(is_address("浙江省杭州市西湖区文三路 90 号"));
        assert!(is_address("221B Baker St, London"));
        assert!(!is_address("WHITE HANGING HEART T-LIGHT HOLDER"));
        assert!(is_chinese_name("王小明"));
        assert!(!is_chinese_name("连衣裙"));
    }

    #[test]
    fn flags_columns_by_value_and_by_header() {
        let t = table(
            "订单号,收货人,手机,联系邮箱,身份证号,收货地址,商品名称,金额\n\
             1001,王小明,13812345678,w@example.com,11010519491231002X,浙江省杭州市西湖区文三路90号,连衣裙,99\n\
             1002,李华,13987654321,l@example.cn,440524188001010014,广东省广州市天河区体育西路1号,T恤,59\n",
        );
        let flags = detect(&t);
        let kinds: Vec<(&str, PiiKind)> = flags.iter().map(|f| (f.name.as_str(), f.kind)).collect();
        assert_eq!(
            kinds,
            [
                ("收货人", PiiKind::Name),
                ("手机", PiiKind::Phone),
                ("联系邮箱", PiiKind::Email),
                ("身份证号", PiiKind::ChineseId),
                ("收货地址", PiiKind::Address),
            ]
        );
        assert!(flags
            .iter()
            .all(|f| f.by_header && f.matched == 2 && f.sampled == 2));
        assert!(flags[1].describe(Lang::Zh).contains("电话号码"));
        assert!(flags[1].describe(Lang::En).contains("phone numbers"));
    }

    #[test]
    fn values_betray_a_column_whatever_its_header() {
        let t = table("a,b\n1,x@example.com\n2,y@example.org\n3,z@example.net\n");
        let flags = detect(&t);
        assert_eq!(flags.len(), 1);
        assert_eq!(
            (flags[0].column, flags[0].kind, flags[0].by_header),
            (1, PiiKind::Email, false)
        );
        // Ordinary retail columns are not flagged.
        let retail = table(
            "InvoiceNo,StockCode,Description,Quantity,UnitPrice,CustomerID,Country\n\
             536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2.55,17850,United Kingdom\n",
        );
        assert_eq!(detect(&retail), []);
    }

    #[test]
    fn hashing_keeps_equality_and_hides_values() {
        let t = table("customer,phone,amount\nA,13812345678,1\nB,13812345678,2\nC,,3\n");
        let salt = b"0123456789abcdef";
        let protected = protect(&t, &[(1, Protection::Hash), (0, Protection::Drop)], salt);
        assert_eq!(protected.n_columns(), 2);
        let phone = protected.column(0);
        assert_eq!(phone.name(), "phone");
        assert_eq!(phone.role(), Role::Identifier);
        assert_eq!(phone.display(0), phone.display(1));
        assert!(phone.display(0).starts_with('#') && !phone.display(0).contains("138"));
        assert!(phone.is_missing(2));
        // Another salt, another digest.
        assert_ne!(
            hash_value(salt, "13812345678"),
            hash_value(b"another salt....", "13812345678")
        );
        assert_eq!(protected.column(1).f64(2), Some(3.0));
    }
}
