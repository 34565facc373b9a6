package org.flashpoint.app;

import picocli.CommandLine;

/** Reports the build version from the jar manifest. */
public final class Version implements CommandLine.IVersionProvider {

    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"flashpoint " + current(), "Java " + System.getProperty("java.version")};
    }
}
