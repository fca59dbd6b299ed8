import { pageGate } from "../../page-gate";

export default pageGate("/programs/new", "programs:write");
