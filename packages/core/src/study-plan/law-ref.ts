/**
 * A reference to a law, optionally one article (《行政处罚法》第四十二条 → `{ lawId, articleNo: 42 }`).
 *
 * Deliberately not exported from the rules API: the question bank exports a `LawRef` of the same shape
 * (issue 3), and the public API keeps one name per idea. Structural typing makes the two interchangeable.
 */
export interface LawRef {
	/** The law's id. */
	lawId: string;
	/** The article number, when one article is meant. */
	articleNo?: number;
}
