package org.flashpoint.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataFileTest {

    private static List<DataFile> defaultsWith(String name, String content) {
        List<DataFile> files = new ArrayList<>();
        for (String f : Analyzer.DATA_FILES) {
            files.add(f.equals(name) ? DataFile.of(name, content) : DataFile.resource(f));
        }
        return files;
    }

    @Test
    void aBadWeightFailsNamingFileAndLine() {
        String lexicon = "# comment\ncue\ttype\tweight\tflags\nstruck\tassault\t-9\tborder\nhugged\tcooperate\tlots\t-\n";
        assertThatThrownBy(() -> Analyzer.load(defaultsWith("events.tsv", lexicon)))
                .isInstanceOf(DataFileException.class)
                .hasMessageStartingWith("events.tsv:4: weight must be a number")
                .satisfies(e -> assertThat(((DataFileException) e).line()).isEqualTo(4));
    }

    @Test
    void anUnknownFlagFailsNamingFileAndLine() {
        String lexicon = "cue\ttype\tweight\tflags\nstruck\tassault\t-9\tborderline\n";
        assertThatThrownBy(() -> Analyzer.load(defaultsWith("events.tsv", lexicon)))
                .hasMessageStartingWith("events.tsv:2: unknown flag 'borderline'");
    }

    @Test
    void aWrongHeaderFailsNamingFileAndLine() {
        assertThatThrownBy(() -> Analyzer.load(defaultsWith("places.tsv", "# places\nkind\tcode\tphrase\n")))
                .hasMessageStartingWith("places.tsv:2: header must be kind<TAB>phrase<TAB>code");
    }

    @Test
    void aBadStateCodeOrKindFailsNamingFileAndLine() {
        assertThatThrownBy(() -> Analyzer.load(defaultsWith("places.tsv", "kind\tphrase\tcode\nprovince\tPunjab\tPK\n")))
                .hasMessageStartingWith("places.tsv:2: 'PK' is not an ISO 3166-1 alpha-3 code");
        assertThatThrownBy(() -> Analyzer.load(defaultsWith("places.tsv", "kind\tphrase\tcode\ncity\tLahore\tPAK\n")))
                .hasMessageStartingWith("places.tsv:2: unknown kind 'city'");
        assertThatThrownBy(() -> Analyzer.load(defaultsWith("modality.tsv", "kind\tphrase\nmaybe\tperhaps\n")))
                .hasMessageStartingWith("modality.tsv:2: unknown kind 'maybe'");
        assertThatThrownBy(() -> Analyzer.load(defaultsWith("casualties.tsv", "kind\tword\tvalue\nnumber\tseven\tsept\n")))
                .hasMessageStartingWith("casualties.tsv:2: a number word needs an integer value");
    }

    @Test
    void aMissingColumnFailsNamingFileAndLine() {
        assertThatThrownBy(() -> Analyzer.load(defaultsWith("states.tsv", "code\tnames\tdemonyms\tcapitals\nFRA\t\tFrench\tParis\n")))
                .hasMessageStartingWith("states.tsv:2: column 'names' is empty");
    }

    @Test
    void theVersionChangesWithTheData() {
        String lexicon = "cue\ttype\tweight\tflags\nstruck\tassault\t-9\tborder\n";
        assertThat(Analyzer.load(defaultsWith("events.tsv", lexicon)).version()).isNotEqualTo(Analyzer.loadDefault().version());
    }
}
