package org.flashpoint.app.bench;

/**
 * The pipeline's rate if only the work no design can avoid cost anything. Each rate is measured using the whole
 * machine (the incident step on one thread, so it is scaled to {@code cores}, assuming it parallelises perfectly);
 * done one after another on the same cores their times per article add up.
 *
 * @param analyzerRate   (2): articles/s of the analyzer on all cores
 * @param incidentsRate  articles/s of fingerprints, incidents and indicators on one thread
 * @param cores          cores of the machine
 */
record PipelineFloor(double analyzerRate, double incidentsRate, int cores) {

    /** The ceiling given the rate at which plain clients move the contracted outputs of an article. */
    double articlesPerSecond(double outputsRate) {
        return 1 / (1 / analyzerRate + 1 / (incidentsRate * cores) + 1 / outputsRate);
    }
}
