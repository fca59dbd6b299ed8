import { pageGate } from "../../page-gate";

export default pageGate("/settings/audit", "audit:read");
