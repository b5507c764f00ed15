/** A population figure that is asked for but not in the data, or an import that cannot be made. */
export class PopulationError extends Error {
  override name = "PopulationError";
}
