// Replaced by the database test harness (see lib/testing/README in the foundation commit).
export default function setup() {}
