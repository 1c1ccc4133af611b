package org.robustecg.study;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.robustecg.ops.AttackOperation;
import org.robustecg.ops.ChannelsOperation;
import org.robustecg.ops.DatasetOperation;
import org.robustecg.ops.Face;
import org.robustecg.ops.Schema;
import org.robustecg.ops.ScoreOperation;
import org.robustecg.ops.TrainOperation;
import org.robustecg.ops.Values;

/**
 * A robustness study as declared in a study file (JSON or YAML), each section holding the settings of one
 * operation by the operation's keys, defaults filled in (see {@link StudyFiles} for the layout). Serializable (plain
 * values only), so that a cluster binding ships it to the machines that do the work.
 *
 * @param name     study name (used in the report)
 * @param seed     the seed of every section that does not set its own
 * @param data     the dataset operation's settings: where the items come from and how they are split
 * @param models   the models to train
 * @param attacks  the attack operation's settings of each attack
 * @param score    the score operation's settings
 * @param channels the channels operation's settings, or null for no channel analysis
 */
public record StudySpec(String name, int seed, Map<String, Object> data, List<ModelSpec> models,
        List<Map<String, Object>> attacks, Map<String, Object> score, Map<String, Object> channels)
        implements Serializable {

    public StudySpec {
        data = copy(data);
        models = List.copyOf(models);
        attacks = attacks.stream().map(StudySpec::copy).toList();
        score = copy(score);
        channels = channels == null ? null : copy(channels);
    }

    /**
     * @param name  model name in the report and its file name
     * @param train the train operation's settings
     */
    public record ModelSpec(String name, Map<String, Object> train) implements Serializable {

        public ModelSpec {
            train = copy(train);
        }

        public Values values() {
            return StudySpec.values(TrainOperation.SCHEMA, train);
        }
    }

    public Values dataValues() {
        return values(DatasetOperation.SCHEMA, data);
    }

    public Values attackValues(int index) {
        return values(AttackOperation.SCHEMA, attacks.get(index));
    }

    public Values scoreValues() {
        return values(ScoreOperation.SCHEMA, score);
    }

    /** Null when the study has no channel analysis. */
    public Values channelValues() {
        return channels == null ? null : values(ChannelsOperation.SCHEMA, channels);
    }

    /** The folder of the records: the data section's, else the default beside the project for the database. */
    public String folder() {
        String folder = (String) data.get("folder");
        return !folder.isBlank() ? folder : cpsc() ? "../shared/data/cpsc2018/cinc2020" : "../shared/data/mitdb";
    }

    /** Multi-lead CPSC2018 records rather than MIT-BIH beats. */
    public boolean cpsc() {
        return data.get("dataset").equals("cpsc2018");
    }

    private static Values values(Schema schema, Map<String, Object> settings) {
        return Values.of(schema, Face.STUDY, settings);
    }

    private static Map<String, Object> copy(Map<String, Object> m) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }
}
