import { adminArea } from "./admin";
import { budgetArea } from "./budget";
import { followupArea } from "./followup";
import { grantsArea } from "./grants";
import { referenceArea } from "./reference";
import type { Area } from "./types";

// Each area registers here with one import and one entry.
export const areas: Area[] = [referenceArea, budgetArea, grantsArea, followupArea, adminArea];
