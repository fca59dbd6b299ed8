import { z } from "zod";

// `associationDetails` on customer create and update (SPEC §3.2, seed 000): the fleet hierarchy,
// role and company a customer is associated with. lib/customers parses it with the customer body
// and hands it, unapplied, to the caller; lib/groups applies it in the same transaction.
export const fleetCompanySchema = z.object({
  name: z.string().trim().min(1, "Enter the company name.").max(200),
  hierarchyDefinitionCode: z.string().trim().min(1).max(100).optional(),
  externalId: z.string().trim().min(1, "Enter the company's externalId.").max(100),
});

/** The parent a child customer is linked to (a driver's owner), by id or by an identifier. */
export const parentCustomerSchema = z.object({
  id: z.number().int().positive().optional(),
  identifierName: z.enum(["mobile", "email", "externalId", "id"]).optional(),
  identifierValue: z.string().trim().min(1).max(150).optional(),
  source: z.string().max(50).optional(),
});

export const associationDetailsSchema = z
  .object({
    hierarchyCode: z.string().trim().min(1, "Enter the hierarchy code.").max(100),
    roleCode: z.string().trim().min(1, "Enter the role code.").max(100),
    fleetCompany: fleetCompanySchema.optional(),
    parentCustomer: parentCustomerSchema.optional(),
  })
  .meta({ id: "AssociationDetails", description: "Associates the customer with a fleet hierarchy role and company (SPEC §3.2)." });

export type AssociationDetails = z.output<typeof associationDetailsSchema>;
