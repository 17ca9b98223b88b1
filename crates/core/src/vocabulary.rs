//! Header words of merchants' exports, in Chinese and English: the one place they live.
//!
//! Each [`Concept`] has a list of normalised header names ([`normalise`]: trimmed, lower
//! case, without spaces, `_`, `-` or `.`), most specific first. A header equal to one of
//! them names the concept outright; one that merely contains a word (`买家实际支付金额`
//! contains `金额`) names it loosely. Pages, the CLI and the basket builder import these
//! lists rather than keeping their own.
//!
//! ```
//! use shoplens_core::vocabulary::{concept_of, normalise, Concept};
//! assert_eq!(normalise(" Invoice_No "), "invoiceno");
//! assert_eq!(concept_of("InvoiceNo"), Some((Concept::Order, true)));
//! assert_eq!(concept_of("买家实际支付金额"), Some((Concept::Amount, false)));
//! ```

use serde::{Deserialize, Serialize};

/// What a header can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Concept {
    /// A customer or member id.
    Customer,
    /// An order, invoice, transaction or basket id.
    Order,
    /// A product: name, description, SKU, stock code.
    Item,
    /// A date or time.
    Date,
    /// Money for a line or an order (amount, total, sales, revenue).
    Amount,
    /// A count of units.
    Quantity,
    /// A unit price.
    Price,
    /// A grouping: category, store, department, region, channel, brand.
    Category,
    /// What a model would predict (churn, label, target, outcome).
    Target,
    /// A row number or record id (`id`, `rownames`, `序号`).
    Identifier,
    /// Free text written by a person (a note, a message, a remark).
    Text,
}

/// Customer ids.
pub const CUSTOMER: &[&str] = &[
    "customerid",
    "customer",
    "customerno",
    "customernumber",
    "clientid",
    "client",
    "memberid",
    "membernumber",
    "member",
    "userid",
    "buyerid",
    "buyer",
    "客户id",
    "客户编号",
    "客户号",
    "客户",
    "会员id",
    "会员编号",
    "会员",
    "用户id",
    "买家",
    "买家会员名",
    "顾客",
    "customercode",
    "username",
    "buyerusername",
    "kundennummer",
    "kundenid",
    "kunde",
    "klantnummer",
    "klant",
    "numeroclient",
    "codeclient",
    "cliente",
    "会员号",
    "会员卡号",
    "用户名",
    "买家昵称",
    "pembeli",
    "usernamepembeli",
    "comprador",
    "khachhang",
    "kháchhàng",
    "顧客id",
    "會員",
    "客戶",
];

/// Order, invoice and basket ids.
pub const ORDER: &[&str] = &[
    "invoiceno",
    "invoice",
    "invoiceid",
    "invoicenumber",
    "orderid",
    "orderno",
    "ordernumber",
    "order",
    "transactionid",
    "transaction",
    "basketid",
    "basket",
    "receipt",
    "订单号",
    "订单编号",
    "订单id",
    "单号",
    "发票号",
    "交易号",
    "订单",
    "ordername",
    "receiptno",
    "receiptnumber",
    "receiptid",
    "salesorder",
    "bestellnummer",
    "bestellung",
    "auftragsnummer",
    "belegnummer",
    "bestelnummer",
    "ordernummer",
    "n°commande",
    "nocommande",
    "numerocommande",
    "numérodecommande",
    "idcommande",
    "commande",
    "pedido",
    "numeropedido",
    "流水号",
    "小票号",
    "收银单号",
    "销售单号",
    "交易单号",
    "单据号",
    "nopesanan",
    "idpesanan",
    "pesanan",
    "mãđơnhàng",
    "đơnhàng",
    "madonhang",
    "númerodeventa",
    "numerodeventa",
    "venta",
    "注文番号",
    "注文id",
    "受注番号",
    "訂單編號",
    "訂單號",
    "訂單",
];

/// Products.
pub const ITEM: &[&str] = &[
    "description",
    "item",
    "itemdescription",
    "itemname",
    "product",
    "productname",
    "stockcode",
    "sku",
    "goods",
    "商品",
    "商品名称",
    "商品名",
    "宝贝标题",
    "宝贝名称",
    "产品",
    "产品名称",
    "品名",
    "lineitemname",
    "producttitle",
    "itemtitle",
    "title",
    "artikel",
    "artikelname",
    "artikelbezeichnung",
    "bezeichnung",
    "produkt",
    "produktname",
    "produit",
    "article",
    "désignation",
    "designation",
    "libellé",
    "producto",
    "artículo",
    "商品标题",
    "标题",
    "货品",
    "货品名称",
    "菜品",
    "ean",
    "upc",
    "gtin",
    "barcode",
    "条码",
    "商品条码",
    "listingid",
    "namaproduk",
    "produk",
    "tênsảnphẩm",
    "sảnphẩm",
    "título",
    "titulo",
    "商品名稱",
    "品項",
    "商品コード",
];

/// Dates and times.
pub const DATE: &[&str] = &[
    "invoicedate",
    "orderdate",
    "date",
    "datetime",
    "orderdatetime",
    "purchasedate",
    "transactiondate",
    "timestamp",
    "time",
    "month",
    "week",
    "period",
    "quarter",
    "year",
    "day",
    "订单日期",
    "下单时间",
    "下单日期",
    "购买日期",
    "交易日期",
    "订单创建时间",
    "订单付款时间",
    "日期",
    "时间",
    "月份",
    "季度",
    "年份",
    "年",
    "createdat",
    "paidat",
    "datepaid",
    "saledate",
    "solddate",
    "paidondate",
    "datum",
    "bestelldatum",
    "orderdatum",
    "fecha",
    "付款时间",
    "销售日期",
    "成交时间",
    "创建时间",
    "支付时间",
    "waktupesanandibuat",
    "tanggal",
    "tanggalpesanan",
    "ngàyđặt",
    "ngàyđặthàng",
    "fechadeventa",
    "注文日",
    "注文日時",
    "訂單日期",
    "購買日期",
];

/// Money for a line or an order.
pub const AMOUNT: &[&str] = &[
    "amount",
    "total",
    "totalprice",
    "lineamount",
    "sales",
    "revenue",
    "value",
    "spend",
    "charges",
    "金额",
    "销售额",
    "总价",
    "总金额",
    "实付金额",
    "消费金额",
    "支付金额",
    "营业额",
    "subtotal",
    "linetotal",
    "itemtotal",
    "ordertotal",
    "grandtotal",
    "ordershipping",
    "shipping",
    "shippingandhandling",
    "shippingcost",
    "shippingfee",
    "shippingprice",
    "shippingamount",
    "tax",
    "taxes",
    "itemtax",
    "salestax",
    "taxamount",
    "vat",
    "discount",
    "discounts",
    "discountamount",
    "totaldiscount",
    "linediscount",
    "itemdiscount",
    "fee",
    "fees",
    "cost",
    "itemcost",
    "refund",
    "tip",
    "netsales",
    "grosssales",
    "gesamtpreis",
    "gesamt",
    "gesamtbetrag",
    "summe",
    "betrag",
    "umsatz",
    "totaalprijs",
    "totaal",
    "bedrag",
    "montant",
    "importe",
    "运费",
    "优惠",
    "折扣",
    "优惠金额",
    "税费",
    "税额",
    "收入",
    "营业收入",
    "实收金额",
    "应付金额",
    "实收",
    "货款",
    "退款金额",
    "实付",
    "实付款",
    "顾客实付",
    "小计",
    "gross",
    "net",
    "grossamount",
    "netamount",
    "stockvalue",
    "totalpembayaran",
    "hargatotal",
    "thànhtiền",
    "importetotal",
    "monto",
    "合計",
    "金額",
    "總金額",
    "小計",
    "実売金額",
];

/// Units.
pub const QUANTITY: &[&str] = &[
    "quantity",
    "qty",
    "units",
    "count",
    "数量",
    "购买数量",
    "件数",
    "销量",
    "lineitemquantity",
    "itemquantity",
    "quantitypurchased",
    "orders",
    "transactions",
    "ordercount",
    "numorders",
    "numberoforders",
    "menge",
    "anzahl",
    "stück",
    "stk",
    "aantal",
    "quantité",
    "qté",
    "cantidad",
    "订单数",
    "订单量",
    "单量",
    "笔数",
    "交易笔数",
    "成交笔数",
    "productqty",
    "itemqty",
    "qtyordered",
    "orderedqty",
    "份数",
    "unidades",
    "cantidadvendida",
    "jumlah",
    "sốlượng",
    "soluong",
    "onhand",
    "qtyonhand",
    "stock",
    "库存",
    "数量(件)",
    "個数",
];

/// Unit prices.
pub const PRICE: &[&str] = &[
    "unitprice",
    "price",
    "unitcost",
    "单价",
    "价格",
    "售价",
    "lineitemprice",
    "itemprice",
    "soldfor",
    "salesprice",
    "saleprice",
    "einzelpreis",
    "preis",
    "stückpreis",
    "prijs",
    "stukprijs",
    "prixunitaire",
    "prix",
    "precio",
    "preciounitario",
    "京东价",
    "商品价格",
    "成交价",
    "原价",
    "现价",
    "销售价",
    "harga",
    "hargasatuan",
    "đơngiá",
    "giá",
    "単価",
    "單價",
    "售價",
];

/// Groupings.
pub const CATEGORY: &[&str] = &[
    "category",
    "store",
    "shop",
    "dept",
    "department",
    "region",
    "country",
    "city",
    "state",
    "channel",
    "brand",
    "segment",
    "type",
    "类目",
    "品类",
    "类别",
    "店铺",
    "门店",
    "地区",
    "省份",
    "城市",
    "渠道",
    "品牌",
    "status",
    "orderstatus",
    "itemstatus",
    "financialstatus",
    "fulfillmentstatus",
    "paymentstatus",
    "paymentmethod",
    "shippingmethod",
    "variant",
    "size",
    "colour",
    "color",
    "状态",
    "订单状态",
    "属性",
    "商品属性",
    "规格",
    "颜色",
    "尺码",
    "支付方式",
    "配送方式",
    "kategorie",
    "categorie",
    "catégorie",
    "categoría",
    "ordertype",
    "paymenttype",
    "customertype",
    "producttype",
    "订单类型",
    "cashier",
    "staff",
    "employee",
    "salesperson",
    "收银员",
    "导购",
    "店员",
    "transactiontype",
    "txntype",
    "documenttype",
    "belegart",
    "salestype",
];

/// What a model predicts.
pub const TARGET: &[&str] = &[
    "churn",
    "label",
    "target",
    "outcome",
    "class",
    "y",
    "是否流失",
    "流失",
    "标签",
];

/// Free text written by a person: notes, messages, remarks.
pub const TEXT: &[&str] = &[
    "note",
    "notes",
    "customernote",
    "comment",
    "comments",
    "message",
    "remark",
    "remarks",
    "instructions",
    "留言",
    "买家留言",
    "备注",
    "卖家备注",
    "说明",
    "评价",
    "notiz",
    "opmerking",
    "address",
    "addressline1",
    "addressline2",
    "shipaddress1",
    "地址",
    "收货地址",
    "客户地址",
    "详细地址",
];

/// Row numbers and record ids.
pub const IDENTIFIER: &[&str] = &[
    "id", "rownames", "rowname", "index", "rowid", "row", "no", "序号", "编号", "行号",
];

/// Every concept with its words, in the order [`concept_of`] tries them (ids and dates
/// before money, so `OrderDate` is a date, not an order).
const ALL: [(Concept, &[&str]); 11] = [
    (Concept::Identifier, IDENTIFIER),
    (Concept::Text, TEXT),
    (Concept::Customer, CUSTOMER),
    (Concept::Order, ORDER),
    (Concept::Date, DATE),
    (Concept::Price, PRICE),
    (Concept::Quantity, QUANTITY),
    (Concept::Amount, AMOUNT),
    (Concept::Item, ITEM),
    (Concept::Target, TARGET),
    (Concept::Category, CATEGORY),
];

/// A header in the form the word lists use: trimmed, lower case, without spaces, `_`, `-`
/// or `.`.
pub fn normalise(name: &str) -> String {
    name.trim()
        .to_lowercase()
        .chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-' | '.'))
        .collect()
}

/// The words of `concept`.
pub fn words(concept: Concept) -> &'static [&'static str] {
    ALL.iter()
        .find(|(c, _)| *c == concept)
        .map_or(&[], |(_, w)| w)
}

/// Whether `name` names `concept`: exactly (`true`) or by containing one of its words of
/// at least three letters or two Chinese characters (`false`).
pub fn names(name: &str, concept: Concept) -> Option<bool> {
    let n = normalise(name);
    let list = words(concept);
    if list.contains(&n.as_str()) {
        return Some(true);
    }
    list.iter()
        .any(|w| long_enough(w) && n.contains(w))
        .then_some(false)
}

/// The concept `name` names: exactly if any concept's list holds it, else loosely by the
/// word it contains that ends last (the head noun comes last in English and Chinese:
/// `Weekly_Sales` is an amount, `sales_date` a date, `买家实际支付金额` an amount). Short
/// words (`id`, `no`, `y`) only match exactly.
pub fn concept_of(name: &str) -> Option<(Concept, bool)> {
    let n = normalise(name);
    // A unit or currency in brackets does not change what a header names: `Total (ARS)`.
    let bare = n
        .strip_suffix(')')
        .and_then(|head| head.rsplit_once('('))
        .or_else(|| n.strip_suffix('）').and_then(|head| head.rsplit_once('（')))
        .map_or(n.as_str(), |(head, _)| head);
    for candidate in [n.as_str(), bare] {
        if let Some((c, _)) = ALL.iter().find(|(_, list)| list.contains(&candidate)) {
            return Some((*c, true));
        }
    }
    // Words that hold a concept's word without meaning it (`discount` holds `count`).
    let mut n = n;
    for false_friend in [
        "discount",
        "account",
        "country",
        "county",
        "reorder",
        "cartorder",
        "sortorder",
    ] {
        n = n.replace(false_friend, "#");
    }
    ALL.iter()
        .filter(|(c, _)| *c != Concept::Identifier)
        .flat_map(|(c, list)| list.iter().map(move |w| (*c, *w)))
        .filter(|(_, w)| long_enough(w))
        .filter_map(|(c, w)| n.rfind(w).map(|at| (at + w.len(), w.len(), c)))
        .max_by_key(|&(end, len, _)| (end, len))
        .map(|(_, _, c)| (c, false))
}

/// Header endings that make a column a code rather than a name (`StockCode`, `SKU`,
/// `商品编号`).
pub const CODE_WORDS: &[&str] = &[
    "code", "sku", "id", "no", "number", "num", "编号", "代码", "货号", "条码", "号",
];

/// Header words that make a column a readable name (`Description`, `商品名称`).
pub const NAME_WORDS: &[&str] = &[
    "description",
    "name",
    "title",
    "名称",
    "品名",
    "标题",
    "描述",
];

/// Whether a header names a code (`StockCode`, `sku`, `商品编号`).
pub fn is_code_header(name: &str) -> bool {
    let n = normalise(name);
    CODE_WORDS.iter().any(|w| n.ends_with(w))
}

/// Whether a header names a readable name (`Description`, `productname`, `商品名称`).
pub fn is_name_header(name: &str) -> bool {
    let n = normalise(name);
    NAME_WORDS.iter().any(|w| n.contains(w))
}

/// How well a column suits showing and mining items, higher better: a readable name over
/// a code (`Description` over `StockCode`), text over numbers. Depends on the column only,
/// never on where a word stands in a list.
pub fn item_score(name: &str, is_text: bool) -> u8 {
    u8::from(is_text) + 2 * u8::from(!is_code_header(name)) + u8::from(is_name_header(name))
}

/// The column among `names` that best names `concept`, skipping the indices in `taken`: an
/// exact header beats one that merely contains a word; among equals the leftmost column.
/// A loose order header must end like a number (`order_no`, not `Order Priority`). The
/// winner is scored per column, so it never depends on the order of the word lists.
pub fn best_named(names: &[&str], concept: Concept, taken: &[usize]) -> Option<usize> {
    names
        .iter()
        .enumerate()
        .filter(|(i, _)| !taken.contains(i))
        .filter_map(|(i, n)| match concept_of(n) {
            Some((c, exact))
                if c == concept && (exact || c != Concept::Order || is_code_header(n)) =>
            {
                Some((u8::from(exact), i))
            }
            _ => None,
        })
        .max_by_key(|&(score, i)| (score, std::cmp::Reverse(i)))
        .map(|(_, i)| i)
}

/// Words that name a concept only as a whole header: inside a longer one they mean
/// something else (`PageValues`, `TrafficType`, `MemberCount`).
const EXACT_ONLY: &[&str] = &[
    "value",
    "total",
    "type",
    "state",
    "member",
    "client",
    "buyer",
    "class",
    "label",
    "target",
    "shop",
    "store",
    "city",
    "basket",
    "period",
    // Inside a longer header these name something else: `ShippingAddress`,
    // `Job Title`, `Size Chart`, `Kundenname`, `Prix total`.
    "shipping",
    "title",
    "size",
    "color",
    "colour",
    "commande",
    "gesamt",
    "prix",
    "kunde",
    "klant",
    // Indonesian, Vietnamese and Spanish put the head noun first (`Status Pesanan`, `Trạng
    // thái đơn hàng`, `Estado de la venta`), so the word ending last is not the head there.
    "pesanan",
    "đơnhàng",
    "venta",
    "produk",
    "sảnphẩm",
    "tanggal",
];

/// Whether a word is specific enough to be found inside a longer header.
fn long_enough(word: &str) -> bool {
    if EXACT_ONLY.contains(&word) {
        false
    } else if word.is_ascii() {
        word.len() >= 4
    } else {
        word.chars().count() >= 2
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_of_real_exports() {
        let cases: &[(&str, Option<(Concept, bool)>)] = &[
            ("InvoiceNo", Some((Concept::Order, true))),
            ("CustomerID", Some((Concept::Customer, true))),
            ("Customer Number", Some((Concept::Customer, true))),
            ("InvoiceDate", Some((Concept::Date, true))),
            ("UnitPrice", Some((Concept::Price, true))),
            ("Weekly_Sales", Some((Concept::Amount, false))),
            ("订单编号", Some((Concept::Order, true))),
            ("总金额", Some((Concept::Amount, true))),
            ("买家实际支付金额", Some((Concept::Amount, false))),
            ("订单付款时间", Some((Concept::Date, true))),
            ("rownames", Some((Concept::Identifier, true))),
            ("Churn", Some((Concept::Target, true))),
            ("Store", Some((Concept::Category, true))),
            ("PhoneService", None),
            ("tenure", None),
            ("MonthlyCharges", Some((Concept::Amount, false))),
            ("sales_date", Some((Concept::Date, false))),
            ("Discount", Some((Concept::Amount, true))),
            ("Discount Code", None),
            ("Shipping Address", Some((Concept::Text, false))),
            ("Order Shipping", Some((Concept::Amount, true))),
            ("Order Status", Some((Concept::Category, true))),
            ("item-status", Some((Concept::Category, true))),
            ("Payment Status Note", Some((Concept::Text, false))),
            ("订单状态", Some((Concept::Category, true))),
            ("Customer Note", Some((Concept::Text, true))),
            ("买家留言", Some((Concept::Text, true))),
            ("Orders", Some((Concept::Quantity, true))),
            ("Weekly Orders", Some((Concept::Quantity, false))),
            ("订单数", Some((Concept::Quantity, true))),
            ("Bestellnummer", Some((Concept::Order, true))),
            ("Einzelpreis", Some((Concept::Price, true))),
            ("Quantité", Some((Concept::Quantity, true))),
            ("店铺优惠折扣(元)", Some((Concept::Amount, false))),
            ("Total (ARS)", Some((Concept::Amount, true))),
            ("数量（件）", Some((Concept::Quantity, true))),
            ("add_to_cart_order", None),
            ("reordered", None),
            ("Reorder Point", None),
            ("注文番号", Some((Concept::Order, true))),
            ("訂單編號", Some((Concept::Order, true))),
            ("Status Pesanan", Some((Concept::Category, false))),
            ("Transaction Type", Some((Concept::Category, true))),
            ("PageValues", None),
        ];
        for (name, expected) in cases {
            assert_eq!(concept_of(name), *expected, "{name}");
        }
    }

    #[test]
    fn a_name_beats_a_code_for_items() {
        assert!(item_score("Description", true) > item_score("StockCode", true));
        assert!(item_score("商品名称", true) > item_score("商品编号", true));
        assert!(item_score("productname", true) > item_score("sku", true));
    }

    #[test]
    fn best_named_prefers_exact_headers_whatever_the_column_order() {
        assert_eq!(
            best_named(&["sales_date", "Date"], Concept::Date, &[]),
            Some(1)
        );
        assert_eq!(
            best_named(&["Date", "sales_date"], Concept::Date, &[]),
            Some(0)
        );
        assert_eq!(
            best_named(&["Date", "sales_date"], Concept::Date, &[0]),
            Some(1)
        );
        assert_eq!(best_named(&["Fresh", "Milk"], Concept::Amount, &[]), None);
    }
}
