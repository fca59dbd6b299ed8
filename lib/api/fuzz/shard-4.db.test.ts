import { describeFuzzShard } from "@/lib/testing/fuzz/shard";

// Fuzz suite, part 4 of 4 (lib/testing/fuzz): each route method gets FUZZ_RUNS (1,000) inputs.
await describeFuzzShard(4, 4);
