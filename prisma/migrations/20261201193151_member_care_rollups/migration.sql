-- Member Care at scale (issue 9): roll-ups of the ledger and the bills for the group page and the
-- programs overview (lib/ledger/rollup.ts), and prefix indexes for the search box.

-- CreateTable
CREATE TABLE "LedgerRollupState" (
    "id" INTEGER NOT NULL,
    "postingsThrough" INTEGER NOT NULL DEFAULT 0,
    "billsThrough" INTEGER NOT NULL DEFAULT 0,
    "closedBefore" TIMESTAMP(3),

    CONSTRAINT "LedgerRollupState_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccountDayTotal" (
    "orgId" INTEGER NOT NULL,
    "accountId" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "kind" "MovementKind" NOT NULL,
    "credits" DECIMAL(20,4) NOT NULL DEFAULT 0,
    "debits" DECIMAL(20,4) NOT NULL DEFAULT 0,

    CONSTRAINT "AccountDayTotal_pkey" PRIMARY KEY ("accountId","day","kind")
);

-- CreateTable
CREATE TABLE "GroupContribution" (
    "orgId" INTEGER NOT NULL,
    "accountId" INTEGER NOT NULL,
    "customerId" INTEGER NOT NULL,
    "points" DECIMAL(20,4) NOT NULL DEFAULT 0,

    CONSTRAINT "GroupContribution_pkey" PRIMARY KEY ("accountId","customerId")
);

-- CreateTable
CREATE TABLE "MembershipBillTotal" (
    "membershipId" INTEGER NOT NULL,
    "orgId" INTEGER NOT NULL,
    "groupId" INTEGER NOT NULL,
    "joinedAt" TIMESTAMP(3) NOT NULL,
    "exitedAt" TIMESTAMP(3),
    "bills" INTEGER NOT NULL DEFAULT 0,
    "spend" DECIMAL(20,4) NOT NULL DEFAULT 0,

    CONSTRAINT "MembershipBillTotal_pkey" PRIMARY KEY ("membershipId")
);

-- CreateTable
CREATE TABLE "ActiveMemberCount" (
    "orgId" INTEGER NOT NULL,
    "programId" INTEGER NOT NULL,
    "grain" TEXT NOT NULL,
    "start" DATE NOT NULL,
    "members" INTEGER NOT NULL,

    CONSTRAINT "ActiveMemberCount_pkey" PRIMARY KEY ("orgId","programId","grain","start")
);

-- CreateIndex
CREATE INDEX "MembershipBillTotal_groupId_idx" ON "MembershipBillTotal"("groupId");


-- The search box matches the start of a name or identifier, case-insensitively
-- (lib/customers/search.ts: lower(x) LIKE 'prefix%'); text_pattern_ops makes LIKE's prefix a range
-- scan whatever the database's collation. Prisma cannot express an index on an expression.
CREATE INDEX "CustomerIdentifier_org_lower_value_prefix" ON "CustomerIdentifier" ("orgId", lower("value") text_pattern_ops);
CREATE INDEX "Customer_org_lower_first_name_prefix" ON "Customer" ("orgId", lower("firstName") text_pattern_ops);
CREATE INDEX "Customer_org_lower_last_name_prefix" ON "Customer" ("orgId", lower("lastName") text_pattern_ops);
