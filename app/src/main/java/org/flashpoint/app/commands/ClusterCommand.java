package org.flashpoint.app.commands;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Not built yet: answers with a clear message and exit code 3 until its issue lands. */
@Command(name = "cluster", mixinStandardHelpOptions = true, description = "Start a local multi-broker KRaft cluster as child JVMs on loopback.")
public final class ClusterCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("flashpoint cluster: not available in this build yet");
        return 3;
    }
}
