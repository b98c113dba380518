//! Names the demo organisation is made from.

pub const COMPANIES: [&str; 24] = [
    "Northwind",
    "Globex",
    "Initech",
    "Umbrella Retail",
    "Stark Logistics",
    "Wayne Foods",
    "Hooli",
    "Vandelay Imports",
    "Soylent",
    "Tyrell Systems",
    "Oscorp Labs",
    "Cyberdyne Health",
    "Wonka Confectionery",
    "Gringotts Finance",
    "Monarch Freight",
    "Pied Piper",
    "Aperture Clinics",
    "Massive Dynamic",
    "Dunder Paper",
    "Prestige Worldwide",
    "Sterling Cooper",
    "Bluth Homes",
    "Los Pollos Group",
    "Krusty Brands",
];
pub const FIRST: [&str; 16] = [
    "Ana", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Keira",
    "Luca", "Maya", "Noah", "Olga", "Priya",
];
pub const LAST: [&str; 12] = [
    "Schmidt", "Okafor", "Martin", "Rossi", "Nguyen", "Dubois", "Kowalski", "Silva", "Tanaka",
    "Jensen", "Haddad", "Moreau",
];
pub const PRODUCTS: [&str; 5] = [
    "Trellis Cloud",
    "Trellis Analytics",
    "Trellis Edge",
    "Support Plus",
    "Onboarding Services",
];
pub const REGIONS: [(&str, &str); 4] =
    [("EMEA", "10"), ("EMEA", "75"), ("NA", "94"), ("APAC", "20")];
