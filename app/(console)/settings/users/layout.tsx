import { pageGate } from "../../page-gate";

export default pageGate("/settings/users", "users:manage");
