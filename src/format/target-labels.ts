/** How the default target mode is named in tables, JSON and the report. */
export const SURVEY_UPLIFT_LABEL =
  "Uplift on the survey's own baseline (the LAA measured NI1/2/4 with the Place Survey)";
