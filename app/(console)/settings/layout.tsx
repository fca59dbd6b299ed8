import { pageGate } from "../page-gate";

export default pageGate("/settings", "settings:read");
