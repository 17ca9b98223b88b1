//! The example commands `shoplens --help` lists after the subcommands: one per analysis,
//! each on a file committed under `testdata/`, so a new user can copy one and run it from
//! the root of the checkout. `tests/help_examples.rs` runs every line and expects success.

/// The text clap prints after the list of subcommands. Every line that starts with
/// `  shoplens ` is a command the test runs (words split on blanks: no quotes needed).
pub const AFTER_HELP: &str = "\
Examples (from the root of the checkout; each reads a file in testdata/):
  shoplens inspect testdata/encodings/orders_gbk.csv
  shoplens baskets testdata/arules-groceries/groceries.csv
  shoplens itemsets testdata/arules-groceries/groceries.csv --min-support 0.02
  shoplens rules testdata/arules-groceries/groceries.csv --min-support 0.01 --min-confidence 0.5 --save-job /tmp/shoplens-rules-job.json
  shoplens run /tmp/shoplens-rules-job.json testdata/arules-groceries/groceries.csv
  shoplens export spark /tmp/shoplens-rules-job.json --out /tmp/shoplens-spark-rules
  shoplens rfm testdata/uci-online-retail-first1071/OnlineRetail_first1071.csv --customer-col CustomerID --date-col InvoiceDate --quantity-col Quantity --price-col UnitPrice --invoice-col InvoiceNo
  shoplens segment testdata/uci-wholesale-customers/Wholesale_customers_data.csv --k 3 --columns Fresh,Milk,Grocery,Frozen,Detergents_Paper,Delicassen --log
  shoplens forecast testdata/sktime-shampoo-sales/ShampooSales.csv --date-col Time --value-col Sales --horizon 6 --season 12
  shoplens fit testdata/islr-advertising/Advertising.csv --target sales --model linear --save /tmp/shoplens-advertising-model.json
  shoplens predict /tmp/shoplens-advertising-model.json testdata/islr-advertising/Advertising.csv
  shoplens compare testdata/uci-wholesale-customers/Wholesale_customers_data.csv --target Channel --folds 4 --save-job /tmp/shoplens-compare-job.json
  shoplens run /tmp/shoplens-compare-job.json testdata/uci-wholesale-customers/Wholesale_customers_data.csv
  shoplens grid testdata/uci-wholesale-customers/Wholesale_customers_data.csv --target Channel --model knn --folds 3
  shoplens churn testdata/uci-online-retail-sample20k/online_retail_sample20k.csv --customer-col CustomerID --date-col InvoiceDate --quantity-col Quantity --price-col UnitPrice --invoice-col InvoiceNo --window-days 60
  shoplens clv testdata/cdnow-sample/cdnow_sample.csv --customer-col customer --date-col date --amount-col amount --calibration-end 1997-09-30
  shoplens cohort testdata/uci-online-retail-sample20k/online_retail_sample20k.csv --customer-col CustomerID --date-col InvoiceDate --quantity-col Quantity --price-col UnitPrice --invoice-col InvoiceNo
  shoplens route testdata/tsplib/berlin52.tsp
  shoplens inventory testdata/fixtures/optimize_inventory_demand.csv --products testdata/fixtures/optimize_inventory_products.csv
  shoplens budget testdata/islr-advertising/Advertising.csv --total 200
  shoplens abc-xyz testdata/uci-online-retail-sample20k/online_retail_sample20k.csv --product-col StockCode --period month
  shoplens recommend testdata/uci-online-retail-sample20k/online_retail_sample20k.csv --product-col StockCode --top 5
Add --json to most commands for machine-readable output; `shoplens help COMMAND` lists its options.";
