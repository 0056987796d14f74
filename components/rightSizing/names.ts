// Static names of the right-sizing add-on: its release (= the chart's fullname, since it holds the
// chart's name) and the objects the chart names after it.

/** The Helm release of the Fairwinds vpa chart; the recommender's Deployment is `vpa-recommender`. */
export const RELEASE = "vpa";

/** The recommender's Deployment and ServiceAccount. */
export const RECOMMENDER = `${RELEASE}-recommender`;

/** The recommender's metrics port in its pod (the chart's containerPort). */
export const RECOMMENDER_METRICS_PORT = 8942;
