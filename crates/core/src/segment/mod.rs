//! Customers: RFM scoring and k-means segmentation. (Being built: see issue 6.)
