<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Animation</name>
    <message>
        <location filename="../app/common/animation.cpp" line="+40"/>
        <source>The animation&apos;s frames would be %1 × %2 pixels, and a WebP animation can be at most %3 pixels wide and high (a GIF %4).</source>
        <translation>Die Einzelbilder der Animation wären %1 × %2 Pixel groß, eine WebP-Animation darf aber höchstens %3 Pixel breit und hoch sein (ein GIF %4).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The animation&apos;s frames would be %1 × %2 pixels, and a GIF can be at most %3 pixels wide and high.</source>
        <translation>Die Einzelbilder der Animation wären %1 × %2 Pixel groß, ein GIF darf aber höchstens %3 Pixel breit und hoch sein.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>There are no frames to write.</source>
        <translation>Es gibt keine Einzelbilder zum Schreiben.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All frames of an animation must have the same size.</source>
        <translation>Alle Einzelbilder einer Animation müssen dieselbe Größe haben.</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>The GIF encoder could not start: %1</source>
        <translation>Der GIF-Encoder konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Encoding the GIF failed (%1).</source>
        <translation>Das Kodieren des GIF ist fehlgeschlagen (%1).</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Encoding the GIF failed: %1</source>
        <translation>Das Kodieren des GIF ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+96"/>
        <source>The WebP library is not the version this program was built with.</source>
        <translation>Die WebP-Bibliothek hat nicht die Version, mit der dieses Programm erstellt wurde.</translation>
    </message>
    <message>
        <location line="-89"/>
        <source>The WebP encoder could not start.</source>
        <translation>Der WebP-Encoder konnte nicht gestartet werden.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Encoding the WebP animation failed: %1</source>
        <translation>Das Kodieren der WebP-Animation ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>This is not a GIF file.</source>
        <translation>Dies ist keine GIF-Datei.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The GIF file is damaged.</source>
        <translation>Die GIF-Datei ist beschädigt.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>This is not a WebP animation.</source>
        <translation>Dies ist keine WebP-Animation.</translation>
    </message>
</context>
<context>
    <name>BackgroundWorker</name>
    <message>
        <location filename="../app/studio/workers/backgroundworker.cpp" line="+94"/>
        <source>a background task</source>
        <translation>eine Hintergrundaufgabe</translation>
    </message>
</context>
<context>
    <name>BinHeatMap</name>
    <message>
        <location filename="../widgets/binheatmap.cpp" line="+116"/>
        <source>t %1–%2</source>
        <translation>t %1–%2</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>bin %1</source>
        <translation>Bereich %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+140"/>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>No loss snapshots yet</source>
        <translation>Noch keine Verlust-Momentaufnahmen</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>training step</source>
        <translation>Trainingsschritt</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, step %2: loss %3</source>
        <translation>%1, Schritt %2: Verlust %3</translation>
    </message>
</context>
<context>
    <name>BoundController</name>
    <message>
        <location filename="../app/studio/workers/boundcontroller.cpp" line="+32"/>
        <source>measuring the likelihood bound</source>
        <translation>das Messen der Likelihood-Schranke</translation>
    </message>
</context>
<context>
    <name>BoundPanel</name>
    <message>
        <location filename="../app/studio/views/boundpanel.cpp" line="+26"/>
        <source>Held-out images measured; each costs one network evaluation per timestep</source>
        <translation>Gemessene zurückgehaltene Bilder; jedes kostet eine Netzauswertung pro Zeitschritt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Timesteps measured, spread over 1 … T (denser where the terms change fastest); the total is interpolated between them</source>
        <translation>Gemessene Zeitschritte, über 1 … T verteilt (dichter, wo sich die Terme am schnellsten ändern); die Summe wird zwischen ihnen interpoliert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Measure the bound</source>
        <translation>Schranke messen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>t</source>
        <translation>t</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>per dimension</source>
        <translation>pro Dimension</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The bound weights its terms very unequally: a few steps near t = 1 hold much of it. L_simple drops those weights and trains every t alike, so the network spends its capacity on the noisier levels, where the images&apos; content is decided: the paper found this gives better samples and a worse bound (Ho et al. 2020, §3.4 and §4.2).</source>
        <translation>Die Schranke gewichtet ihre Terme sehr ungleich: Wenige Schritte nahe t = 1 machen einen großen Teil davon aus. L_simple verzichtet auf diese Gewichte und trainiert jedes t gleich, sodass das Netz seine Kapazität auf die stärker verrauschten Niveaus verwendet, auf denen der Inhalt der Bilder entschieden wird: Die Originalarbeit stellte fest, dass dies bessere Samples und eine schlechtere Schranke ergibt (Ho et al. 2020, §3.4 und §4.2).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timesteps</source>
        <translation>Zeitschritte</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Measuring: timestep %L1 of %L2…</source>
        <translation>Messung: Zeitschritt %L1 von %L2…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+33"/>
        <source>Measure the bound of the model on held-out images.</source>
        <translation>Messen Sie die Schranke des Modells an zurückgehaltenen Bildern.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open or train a model first.</source>
        <translation>Öffnen oder trainieren Sie zuerst ein Modell.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Measuring…</source>
        <translation>Messung läuft…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>bound&apos;s term Lₜ₋₁ (bits/dim)</source>
        <translation>Term Lₜ₋₁ der Schranke (Bits/Dim)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L_simple: ‖ε − ε̂‖² per dimension</source>
        <translation>L_simple: ‖ε − ε̂‖² pro Dimension</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>± one standard error over the images measured (the interpolation between the timesteps aside): more images make it smaller.</source>
        <translation>± ein Standardfehler über die gemessenen Bilder (ohne die Interpolation zwischen den Zeitschritten): mehr Bilder machen ihn kleiner.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;%1 bits/dim&lt;/b&gt; (the bound on −log p(x₀), estimated from %2 timesteps of %3 images of %4%5); L&lt;sub&gt;T&lt;/sub&gt;&amp;nbsp;%6, L&lt;sub&gt;0&lt;/sub&gt;&amp;nbsp;%7&amp;nbsp;bits/dim. &lt;i&gt;ddpm nll&lt;/i&gt; measures every timestep.</source>
        <translation>&lt;b&gt;%1 Bits/Dim&lt;/b&gt; (die Schranke für −log p(x₀), geschätzt aus %2 Zeitschritten von %3 Bildern aus %4%5); L&lt;sub&gt;T&lt;/sub&gt;&amp;nbsp;%6, L&lt;sub&gt;0&lt;/sub&gt;&amp;nbsp;%7 Bits/Dim. &lt;i&gt;ddpm nll&lt;/i&gt; misst jeden Zeitschritt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>, which the model may have trained on</source>
        <translation>, auf dem das Modell womöglich trainiert wurde</translation>
    </message>
</context>
<context>
    <name>ClassName</name>
    <message>
        <location filename="../core/dataset.cpp" line="+420"/>
        <source>T-shirt/top</source>
        <translation>T-Shirt/Top</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Trouser</source>
        <translation>Hose</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pullover</source>
        <translation>Pullover</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dress</source>
        <translation>Kleid</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Coat</source>
        <translation>Mantel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sandal</source>
        <translation>Sandale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shirt</source>
        <translation>Hemd</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sneaker</source>
        <translation>Sneaker</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bag</source>
        <translation>Tasche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ankle boot</source>
        <translation>Stiefelette</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>airplane</source>
        <translation>Flugzeug</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>automobile</source>
        <translation>Auto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bird</source>
        <translation>Vogel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>cat</source>
        <translation>Katze</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>deer</source>
        <translation>Hirsch</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>dog</source>
        <translation>Hund</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>frog</source>
        <translation>Frosch</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>horse</source>
        <translation>Pferd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ship</source>
        <translation>Schiff</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>truck</source>
        <translation>Lastwagen</translation>
    </message>
</context>
<context>
    <name>ClassPicker</name>
    <message>
        <location filename="../app/studio/views/classpicker.cpp" line="+29"/>
        <source>Classifier-free guidance w (Ho &amp; Salimans 2022): ε̃ = (1 + w) ε̂(x, t, class) − w ε̂(x, t, no class). w = 0 is the plain class-conditional model; larger w gives images more typical of the class and less varied. Some libraries write the same as s = 1 + w.</source>
        <translation>Klassifikatorfreie Guidance w (Ho &amp; Salimans 2022): ε̃ = (1 + w) ε̂(x, t, Klasse) − w ε̂(x, t, keine Klasse). w = 0 ist das reine klassenkonditionierte Modell; ein größeres w ergibt Bilder, die typischer für die Klasse und weniger vielfältig sind. Manche Bibliotheken schreiben dasselbe als s = 1 + w.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Every class</source>
        <translation>Jede Klasse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No class</source>
        <translation>Keine Klasse</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Which class the images are drawn from: one class, every class in equal shares (image i of class i mod K), or none (the unconditional model)</source>
        <translation>Aus welcher Klasse die Bilder gezogen werden: eine Klasse, jede Klasse zu gleichen Teilen (Bild i aus Klasse i mod K) oder keine (das unkonditionierte Modell)</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>— (trained without classes)</source>
        <translation>— (ohne Klassen trainiert)</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>This model was trained without classes: train one with “Class-conditional” (or ddpm train --conditional) to choose a class</source>
        <translation>Dieses Modell wurde ohne Klassen trainiert: Trainieren Sie eines mit „Klassenkonditioniert“ (oder ddpm train --conditional), um eine Klasse zu wählen</translation>
    </message>
</context>
<context>
    <name>CopiesPanel</name>
    <message>
        <location filename="../app/studio/views/copiespanel.cpp" line="+40"/>
        <source>Sample</source>
        <translation>Erzeugtes Bild</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nearest training image
(features)</source>
        <translation>Nächstes Trainingsbild
(Merkmale)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nearest training image
(pixels)</source>
        <translation>Nächstes Trainingsbild
(Pixel)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The samples nearest to a training image in the classifier&apos;s features, each beside that image and beside its nearest training image in pixels (distance over the 784 grey levels of 0–255). A copy sits at a distance near 0 in both.</source>
        <translation>Die Samples, die in den Merkmalen des Klassifikators einem Trainingsbild am nächsten liegen, jeweils neben diesem Bild und neben ihrem in Pixeln nächstgelegenen Trainingsbild (Distanz über die 784 Grauwerte von 0–255). Eine Kopie liegt in beiden bei einer Distanz nahe 0.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Measure a model to see its samples nearest to the training images.</source>
        <translation>Messen Sie ein Modell, um seine Samples zu sehen, die den Trainingsbildern am nächsten liegen.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>This measurement has no training images to compare the samples with.</source>
        <translation>Diese Messung hat keine Trainingsbilder, mit denen die Samples verglichen werden könnten.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 % of the %L2 samples lie nearer to a training image than 99 % of the test images do (threshold %3 in the classifier&apos;s features). The %L4 samples nearest to the training set:</source>
        <translation>%1 % der %L2 Samples liegen näher an einem Trainingsbild, als es 99 % der Testbilder tun (Schwelle %3 in den Merkmalen des Klassifikators). Die %L4 Samples, die den Trainingsbildern am nächsten liegen:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>sample %L1</source>
        <translation>Sample %L1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+4"/>
        <location line="+27"/>
        <source>training image %L1
distance %2</source>
        <translation>Trainingsbild %L1
Distanz %2</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Image %1 and its %2 nearest training images, in the classifier&apos;s features and in pixels (Euclidean, grey levels 0–255). A copy would sit at a distance near 0 in both.</source>
        <translation>Bild %1 und seine %2 nächstgelegenen Trainingsbilder, in den Merkmalen des Klassifikators und in Pixeln (euklidisch, Graustufen 0–255). Eine Kopie läge in beiden bei einer Distanz nahe 0.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>In features, %1 % of the test images lie farther than %2 from their nearest training image.</source>
        <translation>In den Merkmalen liegen %1 % der Testbilder weiter als %2 von ihrem nächstgelegenen Trainingsbild entfernt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Images are numbered from 1 here; the ddpm command and its JSON count from 0.</source>
        <translation>Bilder sind hier ab 1 nummeriert; der Befehl ddpm und sein JSON zählen ab 0.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>image %1</source>
        <translation>Bild %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1.</source>
        <translation>%1.</translation>
    </message>
</context>
<context>
    <name>CurveChart</name>
    <message>
        <location filename="../widgets/curvechart.cpp" line="+30"/>
        <source>Marker</source>
        <translation>Markierung</translation>
    </message>
</context>
<context>
    <name>DataLoader</name>
    <message>
        <location filename="../app/studio/workers/dataloader.cpp" line="+45"/>
        <source>Fashion-MNIST</source>
        <translation>Fashion-MNIST</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Synthetic shapes</source>
        <translation>Synthetische Formen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MNIST-style IDX folder %1</source>
        <translation>IDX-Ordner im MNIST-Format %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>IDX file %1</source>
        <translation>IDX-Datei %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CIFAR-10 %1</source>
        <translation>CIFAR-10 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Image folder %1</source>
        <translation>Bildordner %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>loading %1</source>
        <translation>das Laden von „%1“</translation>
    </message>
</context>
<context>
    <name>DataView</name>
    <message>
        <location filename="../app/studio/views/dataview.cpp" line="+58"/>
        <source>Fashion-MNIST</source>
        <translation>Fashion-MNIST</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Synthetic shapes</source>
        <translation>Synthetische Formen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MNIST-style IDX folder…</source>
        <translation>IDX-Ordner im MNIST-Format…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IDX image file…</source>
        <translation>IDX-Bilddatei…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CIFAR-10 binary folder…</source>
        <translation>CIFAR-10-Binärordner…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder of PNG/JPEG images…</source>
        <translation>Ordner mit PNG/JPEG-Bildern…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Data set:</source>
        <translation>Datensatz:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Forward process q(xₜ | x₀)</source>
        <translation>Vorwärtsprozess q(xₜ | x₀)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Re-roll noise</source>
        <translation>Neues Rauschen</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+324"/>
        <source>t = %1</source>
        <translation>t = %1</translation>
    </message>
    <message>
        <location line="-311"/>
        <source>Denoise from here</source>
        <translation>Ab hier entrauschen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Interpolate with…</source>
        <translation>Interpolieren mit…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source> images</source>
        <translation> Bilder</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>%1, T = %L2</source>
        <translation>%1, T = %L2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Noised and denoised with the model&apos;s schedule (%1): the Data view showed another one (%2) and now shows the model&apos;s.</source>
        <translation>Mit dem Rauschplan des Modells verrauscht und entrauscht (%1): Die Datenansicht zeigte einen anderen (%2) und zeigt jetzt den des Modells.</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>%1×%2, padded to %3×%4</source>
        <translation>%1×%2, aufgefüllt auf %3×%4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1×%2, scaled to %3×%4</source>
        <translation>%1×%2, skaliert auf %3×%4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1×%2</source>
        <translation>%1×%2</translation>
    </message>
    <message>
        <location line="+144"/>
        <source>βₜ</source>
        <translation>βₜ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ᾱₜ</source>
        <translation>ᾱₜ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>√ᾱₜ</source>
        <translation>√ᾱₜ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>√(1−ᾱₜ)</source>
        <translation>√(1−ᾱₜ)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SNRₜ</source>
        <translation>SNRₜ</translation>
    </message>
    <message>
        <location line="-393"/>
        <source>Schedule:</source>
        <translation>Rauschplan:</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Pixel values of xₜ against N(0, 1)</source>
        <translation>Pixelwerte von xₜ im Vergleich zu N(0, 1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run the reverse process from this xₜ with the current model. The xₜ is made with the model&apos;s own schedule, the one it was trained on.</source>
        <translation>Den Rückwärtsprozess mit dem aktuellen Modell ab diesem xₜ ausführen. Das xₜ wird mit dem eigenen Rauschplan des Modells erzeugt, mit dem es trainiert wurde.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Walk from this image to another one: both noised to this t with the same noise, mixed in steps of λ from 0 to 1, and each mixture denoised with the same reverse noise (Ho et al. 2020, Fig. 8), or both inverted with DDIM to the noise at t = T and mixed there. At a small t the walk mixes the pixels; at a large t it passes through new images.</source>
        <translation>Schrittweise von diesem Bild zu einem anderen übergehen: Beide werden mit demselben Rauschen bis zu diesem t verrauscht, in Schritten von λ von 0 bis 1 gemischt, und jede Mischung wird mit demselben Rauschen des Rückwärtsprozesses entrauscht (Ho et al. 2020, Abb. 8), oder beide werden mit DDIM zum Rauschen bei t = T invertiert und dort gemischt. Bei kleinem t mischt der Übergang die Pixel; bei großem t führt er durch neue Bilder.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Continue this one xₜ as several images side by side; each draws its own noise on the way down (DDIM with η = 0 draws none, so its images agree).</source>
        <translation>Dieses eine xₜ als mehrere Bilder nebeneinander fortsetzen; jedes zieht auf dem Weg nach unten sein eigenes Rauschen (DDIM mit η = 0 zieht keines, daher stimmen seine Bilder überein).</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Open an IDX image file</source>
        <translation>IDX-Bilddatei öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IDX files (*-ubyte *-ubyte.gz *.idx *.gz);;All files (*)</source>
        <translation>IDX-Dateien (*-ubyte *-ubyte.gz *.idx *.gz);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a folder</source>
        <translation>Ordner auswählen</translation>
    </message>
    <message>
        <location line="+156"/>
        <source>grey</source>
        <translation>Graustufen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: one image, %2, %3</source>
        <translation>%1: ein Bild, %2, %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %L2 images, %3, %4</source>
        <translation>%1: %L2 Bilder, %3, %4</translation>
    </message>
    <message>
        <location line="+135"/>
        <source>t = 0: the clean image x₀</source>
        <translation>t = 0: das unverrauschte Bild x₀</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>xₜ at t = %1 · %2</source>
        <translation>xₜ bei t = %1 · %2</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../app/studio/settings/dialogs.cpp" line="+120"/>
        <source>&amp;Discard</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>&amp;Follow</source>
        <translation>&amp;Verfolgen</translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <location filename="../core/atomicfile.cpp" line="+130"/>
        <source>cannot write &apos;%1&apos;: it is a folder</source>
        <translation>„%1“ kann nicht geschrieben werden: Es handelt sich um einen Ordner</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cannot replace &apos;%1&apos;: the file is write-protected (read-only, or not this user&apos;s to write)</source>
        <translation>&apos;%1&apos; wird nicht ersetzt: die Datei ist schreibgeschützt (nur lesbar, oder dieser Benutzer darf sie nicht schreiben)</translation>
    </message>
    <message>
        <location line="-20"/>
        <location line="+5"/>
        <location line="+46"/>
        <location line="+17"/>
        <location line="+37"/>
        <location filename="../core/tensorfile.cpp" line="+196"/>
        <source>cannot write &apos;%1&apos;: %2</source>
        <translation>„%1“ kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="-90"/>
        <source>cannot write &apos;%1&apos;: it is not a regular file, a pipe or a terminal</source>
        <translation>„%1“ kann nicht geschrieben werden: Es ist weder eine reguläre Datei noch eine Pipe oder ein Terminal</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>cannot write &apos;%1&apos;: &apos;%2&apos; is a file, not a folder</source>
        <translation>&apos;%1&apos; kann nicht geschrieben werden: &apos;%2&apos; ist eine Datei, kein Ordner</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot write &apos;%1&apos;: the folder &apos;%2&apos; does not exist</source>
        <translation>„%1“ kann nicht geschrieben werden: Den Ordner „%2“ gibt es nicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot write &apos;%1&apos;: the folder &apos;%2&apos; takes no new file (%3)</source>
        <translation>„%1“ kann nicht geschrieben werden: Im Ordner „%2“ lässt sich keine neue Datei anlegen (%3)</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>cannot write &apos;%1&apos;: %2 (the previous file, if any, is unchanged)</source>
        <translation>„%1“ kann nicht geschrieben werden: %2 (eine eventuell vorhandene frühere Datei bleibt unverändert)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cannot replace &apos;%1&apos;: %2</source>
        <translation>„%1“ kann nicht ersetzt werden: %2</translation>
    </message>
    <message>
        <location filename="../core/tensorfile.cpp" line="-49"/>
        <source>&apos;%1&apos; is a folder, not a file</source>
        <translation>„%1“ ist ein Ordner, keine Datei</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+315"/>
        <source>&apos;%1&apos; is not a regular file (a device, a pipe or a socket): it is not read</source>
        <translation>„%1“ ist keine reguläre Datei (sondern ein Gerät, eine Pipe oder ein Socket) und wird nicht gelesen</translation>
    </message>
    <message>
        <location line="-283"/>
        <source>cannot write &apos;%1&apos;: the tensor &apos;%2&apos; cannot be stored</source>
        <translation>„%1“ kann nicht geschrieben werden: Der Tensor „%2“ kann nicht gespeichert werden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot write &apos;%1&apos;: the tensor &apos;%2&apos; has a type this format lacks</source>
        <translation>„%1“ kann nicht geschrieben werden: Der Tensor „%2“ hat einen Typ, den dieses Format nicht kennt</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>&apos;%1&apos; is damaged or not a tensor file: %2</source>
        <translation>„%1“ ist beschädigt oder keine Tensordatei: %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>it is shorter than its header</source>
        <translation>die Datei ist kürzer als ihr Dateikopf</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&apos;%1&apos; is truncated inside its header</source>
        <translation>„%1“ ist innerhalb des Dateikopfs abgeschnitten</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>its header is nested too deeply</source>
        <translation>der Dateikopf ist zu tief verschachtelt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>its header is not a JSON object</source>
        <translation>der Dateikopf ist kein JSON-Objekt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it names too many tensors</source>
        <translation>die Datei nennt zu viele Tensoren</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>its metadata is not an object</source>
        <translation>die Metadaten sind kein Objekt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a metadata value is not a string</source>
        <translation>ein Metadatenwert ist keine Zeichenkette</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>&apos;%1&apos; is damaged: the entry of tensor &apos;%2&apos; is malformed</source>
        <translation>„%1“ ist beschädigt: Der Eintrag des Tensors „%2“ ist fehlerhaft</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&apos;%1&apos; is truncated or damaged: its header claims %2 bytes, and the file holds %3 in all</source>
        <translation>&apos;%1&apos; ist abgeschnitten oder beschädigt: sein Kopf gibt %2 Bytes an, die Datei hat insgesamt %3</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>&apos;%1&apos; stores tensor &apos;%2&apos; in a type this program does not read</source>
        <translation>„%1“ speichert den Tensor „%2“ in einem Typ, den dieses Programm nicht liest</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&apos;%1&apos; is damaged: tensor &apos;%2&apos; is larger than the file</source>
        <translation>„%1“ ist beschädigt: Der Tensor „%2“ ist größer als die Datei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;%1&apos; is damaged: the bytes of tensor &apos;%2&apos; do not match its shape</source>
        <translation>„%1“ ist beschädigt: Die Bytes des Tensors „%2“ passen nicht zu seiner Form</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>its tensors overlap or leave gaps</source>
        <translation>die Tensoren der Datei überlappen sich oder lassen Lücken</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>&apos;%1&apos; is damaged: its header has the key &quot;%2&quot; where its checksum&apos;s &quot;%3&quot; belongs</source>
        <translation>&apos;%1&apos; ist beschädigt: Sein Header hat den Schlüssel &quot;%2&quot; an der Stelle der Prüfsumme &quot;%3&quot;</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&apos;%1&apos; is damaged: its header does not match its checksum (a setting or a tensor&apos;s shape changed after the file was written; a deliberate edit must also remove &quot;ddpm.header_crc32&quot;)</source>
        <translation>&apos;%1&apos; ist beschädigt: der Kopf passt nicht zu seiner Prüfsumme (eine Einstellung oder die Form eines Tensors wurde nach dem Schreiben geändert; eine gewollte Änderung muss auch &quot;ddpm.header_crc32&quot; entfernen)</translation>
    </message>
    <message>
        <location line="+40"/>
        <location line="+131"/>
        <source>&apos;%1&apos; is truncated: tensor &apos;%2&apos; is cut short</source>
        <translation>„%1“ ist abgeschnitten: Der Tensor „%2“ ist unvollständig</translation>
    </message>
    <message>
        <location line="-125"/>
        <location line="+130"/>
        <source>&apos;%1&apos; cannot be read: %2</source>
        <translation>„%1“ kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>&apos;%1&apos; holds no tensor &apos;%2&apos;</source>
        <translation>„%1“ enthält keinen Tensor „%2“</translation>
    </message>
    <message>
        <location filename="../core/checkpoint.cpp" line="+269"/>
        <location filename="../core/dataset.cpp" line="-370"/>
        <location filename="../core/legacycheckpoint.cpp" line="+320"/>
        <location filename="../core/tensorfile.cpp" line="-410"/>
        <location line="+314"/>
        <location line="+29"/>
        <location line="+32"/>
        <location filename="../core/toy2d.cpp" line="+185"/>
        <source>cannot open &apos;%1&apos;: %2</source>
        <translation>„%1“ kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <location filename="../core/legacycheckpoint.cpp" line="+5"/>
        <location filename="../core/tensorfile.cpp" line="-268"/>
        <location line="+292"/>
        <source>cannot read &apos;%1&apos;</source>
        <translation>„%1“ kann nicht gelesen werden</translation>
    </message>
    <message>
        <location filename="../core/checkpoint.cpp" line="+8"/>
        <location line="+11"/>
        <location line="+83"/>
        <location filename="../core/legacycheckpoint.cpp" line="+3"/>
        <source>&apos;%1&apos; is not a DDPM Studio checkpoint</source>
        <translation>„%1“ ist kein Prüfpunkt von DDPM Studio</translation>
    </message>
    <message>
        <location line="-86"/>
        <source>&apos;%1&apos; is a 2-D toy model (ddpm toy --save): open it with ddpm toy --load</source>
        <translation>&apos;%1&apos; ist ein 2-D-Spielzeugmodell (ddpm toy --save): mit ddpm toy --load öffnen</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../core/legacycheckpoint.cpp" line="+3"/>
        <source>&apos;%1&apos; is a checkpoint of format version %2; this program reads version %3</source>
        <translation>„%1“ ist ein Prüfpunkt der Formatversion %2; dieses Programm liest Version %3</translation>
    </message>
    <message>
        <location filename="../core/legacycheckpoint.cpp" line="-203"/>
        <source>&apos;%1&apos; is refused: its archive entry &apos;%2&apos; would unpack to %3 bytes</source>
        <translation>&apos;%1&apos; wird abgelehnt: sein Archiveintrag &apos;%2&apos; würde sich auf %3 Bytes entpacken</translation>
    </message>
    <message>
        <location line="+209"/>
        <location filename="../core/tensorfile.cpp" line="-194"/>
        <source>&apos;%1&apos; is truncated: %2 of %3 bytes are there</source>
        <translation>„%1“ ist abgeschnitten: Nur %2 von %3 Bytes sind vorhanden</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../core/tensorfile.cpp" line="+3"/>
        <source>&apos;%1&apos; has unexpected bytes after the checkpoint</source>
        <translation>„%1“ enthält unerwartete Bytes nach dem Prüfpunkt</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../core/tensorfile.cpp" line="+65"/>
        <source>&apos;%1&apos; is damaged: its checksum does not match its contents</source>
        <translation>„%1“ ist beschädigt: Die Prüfsumme passt nicht zum Inhalt</translation>
    </message>
    <message>
        <location line="-225"/>
        <location line="+29"/>
        <location line="+207"/>
        <source>&apos;%1&apos; is damaged: its contents cannot be read</source>
        <translation>„%1“ ist beschädigt: Der Inhalt kann nicht gelesen werden</translation>
    </message>
    <message>
        <location filename="../core/checkpoint.cpp" line="-252"/>
        <source>the %1 weights in &apos;%2&apos; do not match the model its configuration describes (%3)</source>
        <translation>die %1-Gewichte in „%2“ passen nicht zu dem Modell, das die darin gespeicherte Konfiguration beschreibt (%3)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&apos;%1&apos; is damaged: its %2 weights hold values that are not numbers (%3)</source>
        <translation>&apos;%1&apos; ist beschädigt: seine %2-Gewichte enthalten Werte, die keine Zahlen sind (%3)</translation>
    </message>
    <message>
        <location line="+136"/>
        <location line="+4"/>
        <location line="+18"/>
        <location filename="../core/legacycheckpoint.cpp" line="-58"/>
        <source>the optimizer state in &apos;%1&apos; does not match the model (%2)</source>
        <translation>der Optimiererzustand in „%1“ passt nicht zum Modell (%2)</translation>
    </message>
    <message>
        <location line="-4"/>
        <location filename="../core/legacycheckpoint.cpp" line="-13"/>
        <source>the optimizer state or step in &apos;%1&apos; cannot be read (%2)</source>
        <translation>der Optimiererzustand oder der Schritt in „%1“ kann nicht gelesen werden (%2)</translation>
    </message>
    <message>
        <location filename="../core/modelfile.cpp" line="+143"/>
        <source>%1 is too large to read into this computer&apos;s memory</source>
        <translation>%1 ist zu groß, um in den Arbeitsspeicher dieses Computers gelesen zu werden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reading %1</source>
        <translation>das Lesen von %1</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>cannot write the sampling checkpoint: %1</source>
        <translation>der Sampling-Prüfpunkt kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <location filename="../core/dataset.cpp" line="+11"/>
        <source>&apos;%1&apos; is damaged: the gzip data cannot be decompressed (%2)</source>
        <translation>„%1“ ist beschädigt: Die gzip-Daten können nicht entpackt werden (%2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../core/tensorfile.cpp" line="-266"/>
        <location line="+319"/>
        <source>&apos;%1&apos; is larger than the %2 MiB this program reads</source>
        <translation>„%1“ ist größer als die %2 MiB, die dieses Programm einliest</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&apos;%1&apos; is truncated or damaged (%2)</source>
        <translation>„%1“ ist abgeschnitten oder beschädigt (%2)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 is not an IDX file: it is only %2 bytes long</source>
        <translation>%1 ist keine IDX-Datei: Sie ist nur %2 Bytes lang</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is not an IDX file (wrong magic number)</source>
        <translation>%1 ist keine IDX-Datei (falsche magische Zahl)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 holds IDX data of type %2; only unsigned bytes (type 8) are supported</source>
        <translation>%1 enthält IDX-Daten vom Typ %2; unterstützt werden nur vorzeichenlose Bytes (Typ 8)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 holds labels (one number per image), not images: give the images file (its name has &apos;images-idx3&apos;)</source>
        <translation>%1 enthält Labels (eine Zahl je Bild), keine Bilder: Geben Sie die Bilddatei an (ihr Name enthält &apos;images-idx3&apos;)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 holds images, not labels: give the labels file (its name has &apos;labels-idx1&apos;)</source>
        <translation>%1 enthält Bilder, keine Labels: Geben Sie die Label-Datei an (ihr Name enthält &apos;labels-idx1&apos;)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 has %2 dimensions: IDX images have 3 (count, height, width), labels 1</source>
        <translation>%1 hat %2 Dimensionen: IDX-Bilder haben 3 (Anzahl, Höhe, Breite), Labels 1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is truncated inside its header</source>
        <translation>%1 ist innerhalb des Dateikopfs abgeschnitten</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 announces an impossible size (%2) in dimension %3</source>
        <translation>%1 gibt in Dimension %3 eine unmögliche Größe (%2) an</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is truncated: its header announces %2 bytes of data but only %3 follow</source>
        <translation>%1 ist abgeschnitten: Der Dateikopf kündigt %2 Bytes Daten an, es folgen aber nur %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 has %2 bytes more than its header announces: the sizes disagree</source>
        <translation>%1 hat %2 Bytes mehr, als der Dateikopf angibt: Die Größen stimmen nicht überein</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>&apos;%1&apos; has %2 labels for %3 images</source>
        <translation>„%1“ enthält %2 Labels für %3 Bilder</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&apos;%1&apos; is a file: mnist: takes the folder that holds the IDX files (train-images-idx3-ubyte.gz …); for a single file, use idx:FILE</source>
        <translation>&apos;%1&apos; ist eine Datei: mnist: erwartet den Ordner mit den IDX-Dateien (train-images-idx3-ubyte.gz …); für eine einzelne Datei idx:DATEI verwenden</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../core/dataspec.cpp" line="+220"/>
        <source>the folder &apos;%1&apos; does not exist</source>
        <translation>der Ordner „%1“ existiert nicht</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&apos;%1&apos; has no %2 file, only test images: for those, name the split (mnist:%1:test)</source>
        <translation>&apos;%1&apos; enthält keine Datei %2, nur Testbilder: für diese den Teil angeben (mnist:%1:test)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;%1&apos; has no %2 file</source>
        <translation>„%1“ enthält keine Datei %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&apos;%1&apos; and &apos;%2&apos; hold images of different sizes (%3×%4 and %5×%6)</source>
        <translation>&apos;%1&apos; und &apos;%2&apos; enthalten Bilder verschiedener Größe (%3×%4 und %5×%6)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>no MNIST-style files (train-images-idx3-ubyte[.gz]) in &apos;%1&apos;</source>
        <translation>keine Dateien im MNIST-Format (train-images-idx3-ubyte[.gz]) in „%1“</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 is empty</source>
        <translation>%1 ist leer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is not a CIFAR-10 binary batch: its size (%2 bytes) is not a whole number of 3073-byte records</source>
        <translation>%1 ist kein binärer CIFAR-10-Batch: Seine Größe (%2 Bytes) ist kein ganzzahliges Vielfaches der Eintragsgröße von 3073 Bytes</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 is not a CIFAR-10 batch: record %2 has label %3 (labels are 0–9)</source>
        <translation>%1 ist kein CIFAR-10-Batch: Eintrag %2 hat das Label %3 (gültige Labels sind 0–9)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>no CIFAR-10 training batches (data_batch_1.bin …) in &apos;%1&apos;, only test_batch.bin: for its images, name the split (cifar10:%1:test)</source>
        <translation>keine CIFAR-10-Trainingsbatches (data_batch_1.bin …) in &apos;%1&apos;, nur test_batch.bin: für dessen Bilder den Teil angeben (cifar10:%1:test)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no CIFAR-10 binary batches (%1) in &apos;%2&apos;</source>
        <translation>keine binären CIFAR-10-Batches (%1) in &apos;%2&apos;</translation>
    </message>
    <message>
        <location filename="../core/dataspec.cpp" line="-19"/>
        <source>Fashion-MNIST is not installed (expected it in %1; on Debian: apt-get install dataset-fashion-mnist)</source>
        <translation>Fashion-MNIST ist nicht installiert (erwartet in %1; unter Debian: apt-get install dataset-fashion-mnist)</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>unknown Fashion-MNIST split &apos;%1&apos; (expected train, test or all)</source>
        <translation>unbekannte Fashion-MNIST-Aufteilung „%1“ (erwartet: train, test oder all)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unknown split &apos;%1&apos; of &apos;%2&apos; (expected train, test or all)</source>
        <translation>unbekannter Teil &apos;%1&apos; von &apos;%2&apos; (erwartet: train, test oder all)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&apos;%1&apos; is one batch file: a split (:train, :test or :all) follows a folder of batches only</source>
        <translation>&apos;%1&apos; ist eine einzelne Batch-Datei: ein Teil (:train, :test oder :all) folgt nur auf einen Ordner mit Batches</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>image folders need the image readers of the ddpm command or the studio</source>
        <translation>Bildordner lassen sich nur mit den Bildlesern des Befehls ddpm oder von DDPM Studio laden</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the synthetic set takes a whole number of images between 1 and 1000000, not &apos;%1&apos;</source>
        <translation>der synthetische Datensatz nimmt eine ganze Zahl von Bildern zwischen 1 und 1000000, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unknown data set &apos;%1&apos; (expected one of %2)</source>
        <translation>unbekannter Datensatz &apos;%1&apos; (erwartet wird eines von: %2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the data set is too large to hold in memory: %1 images of %2×%3×%3 would take %4 GiB, and at most %5 GiB are used</source>
        <translation>der Datensatz ist zu groß für den Speicher: %1 Bilder zu %2×%3×%3 bräuchten %4 GiB, verwendet werden höchstens %5 GiB</translation>
    </message>
    <message>
        <location filename="../core/result.cpp" line="+13"/>
        <source>the disk is full</source>
        <translation>der Datenträger ist voll</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>permission denied</source>
        <translation>Zugriff verweigert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no such file or folder</source>
        <translation>Datei oder Ordner nicht gefunden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the disk is read-only</source>
        <translation>der Datenträger ist schreibgeschützt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it is a folder</source>
        <translation>es handelt sich um einen Ordner</translation>
    </message>
    <message>
        <location filename="../core/sampler.cpp" line="+30"/>
        <location filename="../core/toy2d.cpp" line="-30"/>
        <source>unknown sampler &apos;%1&apos; (expected one of %2)</source>
        <translation>unbekannter Sampler „%1“ (erwartet wird eines von: %2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>unknown timestep spacing &apos;%1&apos; (expected one of %2)</source>
        <translation>unbekannte Zeitschrittverteilung „%1“ (erwartet wird eines von: %2)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unknown corrector &apos;%1&apos; (expected one of %2)</source>
        <translation>unbekannter Korrektor „%1“ (erwartet wird eines von: %2)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>unknown variance &apos;%1&apos; (expected one of %2)</source>
        <translation>unbekannte Varianz „%1“ (erwartet wird eines von: %2)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>annealed Langevin takes between 1 and %1 noise levels</source>
        <translation>Annealed Langevin nimmt zwischen 1 und %1 Rauschstufen</translation>
    </message>
    <message>
        <location line="+148"/>
        <source>this model was trained without classes: it cannot be asked for &apos;%1&apos;</source>
        <translation>dieses Modell wurde ohne Klassen trainiert: „%1“ kann nicht angefordert werden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no class &apos;%1&apos;: the model knows %2 (all, or none)</source>
        <translation>keine Klasse „%1“: Das Modell kennt %2 (außerdem all oder none)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the guidance weight must be between 0 and %1</source>
        <translation>das Guidance-Gewicht muss zwischen 0 und %1 liegen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>this model was trained without classes: it cannot be asked for one or guided</source>
        <translation>dieses Modell wurde ohne Klassen trainiert: Es lässt sich weder eine Klasse anfordern noch Guidance anwenden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>there is no class %1: the model knows %2 (0 to %3)</source>
        <translation>es gibt keine Klasse %1: Das Modell kennt %2 (0 bis %3)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>guidance needs a class to guide towards</source>
        <translation>für Guidance wird eine Zielklasse benötigt</translation>
    </message>
    <message>
        <location filename="../core/schedule.cpp" line="+76"/>
        <source>unknown schedule &apos;%1&apos; (expected one of %2)</source>
        <translation>unbekannter Rauschplan „%1“ (erwartet wird eines von: %2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the number of diffusion steps must be between 1 and %1, not %2</source>
        <translation>die Anzahl der Diffusionsschritte muss zwischen 1 und %1 liegen, nicht %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>β must lie strictly between 0 and 1</source>
        <translation>β muss zwischen 0 und 1 liegen (beide Grenzen ausgeschlossen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>β_start must not be larger than β_end</source>
        <translation>β_start darf nicht größer als β_end sein</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>β_start %1 is too small: 1 − β rounds to 1, so the first step would add no noise</source>
        <translation>β_start %1 ist zu klein: 1 − β rundet auf 1, der erste Schritt fügte also kein Rauschen hinzu</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the cosine schedule needs s ≥ 0 and 0 &lt; β cap &lt; 1</source>
        <translation>der Rauschplan cosine erfordert s ≥ 0 und 0 &lt; β-Obergrenze &lt; 1</translation>
    </message>
    <message>
        <location filename="../core/trainer.cpp" line="+96"/>
        <source>the data set is empty</source>
        <translation>der Datensatz ist leer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the data set&apos;s images do not have the model&apos;s size</source>
        <translation>die Bilder des Datensatzes haben nicht die Bildgröße des Modells</translation>
    </message>
    <message>
        <location filename="../core/config.cpp" line="+16"/>
        <source>the batch size must be between 1 and %1</source>
        <translation>die Stapelgröße muss zwischen 1 und %1 liegen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the learning rate must be above 0 and at most 1</source>
        <translation>die Lernrate muss größer als 0 und höchstens 1 sein</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the warm-up cannot be negative</source>
        <translation>die Aufwärmphase darf nicht negativ sein</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the warm-up must be at most %1 steps</source>
        <translation>das Warm-up darf höchstens %1 Schritte lang sein</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the EMA decay must be at least 0 and below 1</source>
        <translation>die EMA-Abklingrate muss mindestens 0 und kleiner als 1 sein</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the gradient clipping norm must be above 0</source>
        <translation>die Norm für das Gradienten-Clipping muss größer als 0 sein</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the number of training steps must be between 0 and %1</source>
        <translation>die Anzahl der Trainingsschritte muss zwischen 0 und %1 liegen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the share of examples without their class must be between 0 and 1</source>
        <translation>der Anteil der Beispiele ohne ihre Klasse muss zwischen 0 und 1 liegen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the number of loss bins must be between 1 and %1</source>
        <translation>die Anzahl der Verlustbereiche muss zwischen 1 und %1 liegen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>a class-conditional model needs a data set with labels of at least two classes (Fashion-MNIST, MNIST or IDX with a labels file, CIFAR-10, the synthetic shapes, or an image folder with one subfolder per class)</source>
        <translation>ein klassenkonditioniertes Modell benötigt einen Datensatz mit Labels von mindestens zwei Klassen (Fashion-MNIST, MNIST oder IDX mit Label-Datei, CIFAR-10, die synthetischen Formen oder ein Bildordner mit einem Unterordner pro Klasse)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>at most %1 classes</source>
        <translation>höchstens %1 Klassen</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>the data set&apos;s class %1 has no images: a class-conditional model needs images of every class</source>
        <translation>die Klasse %1 des Datensatzes hat keine Bilder: ein klassenkonditioniertes Modell braucht Bilder jeder Klasse</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 of the data set&apos;s %2 classes have no images (%3): a class-conditional model needs images of every class</source>
        <translation>%1 der %2 Klassen des Datensatzes haben keine Bilder (%3): ein klassenkonditioniertes Modell braucht Bilder jeder Klasse</translation>
    </message>
    <message>
        <location filename="../core/trainer.cpp" line="+96"/>
        <location line="+2"/>
        <source>training step %1</source>
        <translation>Trainingsschritt %1</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>no data set to train on</source>
        <translation>kein Datensatz zum Trainieren vorhanden</translation>
    </message>
    <message>
        <location line="-231"/>
        <source>the loss became NaN at step %1; training stopped and the model keeps the weights of step %2</source>
        <translation>der Verlust wurde bei Schritt %1 NaN; das Training wurde abgebrochen, und das Modell behält die Gewichte von Schritt %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the loss became infinite at step %1; training stopped and the model keeps the weights of step %2</source>
        <translation>der Verlust wurde bei Schritt %1 unendlich; das Training wurde abgebrochen, und das Modell behält die Gewichte von Schritt %2</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>a class-conditional model needs a data set with labels; %1 has none (an image folder has them from one subfolder per class)</source>
        <translation>ein klassenkonditioniertes Modell benötigt einen Datensatz mit Labels; %1 hat keine (ein Bildordner erhält sie aus einem Unterordner je Klasse)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the data set&apos;s labels run to %1, beyond the model&apos;s %2 classes</source>
        <translation>die Labels des Datensatzes reichen bis %1, über die %2 Klassen des Modells hinaus</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the data set&apos;s classes (%1) are not the model&apos;s (%2): a class-conditional model trains on images of its own classes</source>
        <translation>die Klassen des Datensatzes (%1) sind nicht die des Modells (%2): ein klassenkonditioniertes Modell trainiert mit Bildern seiner eigenen Klassen</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>copying the weights to every rank</source>
        <translation>das Kopieren der Gewichte auf jeden Rang</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the batch of %1 does not split evenly over %2 ranks: --batch is the global batch, each rank takes an equal share</source>
        <translation>der Stapel von %1 lässt sich nicht gleichmäßig auf %2 Ränge aufteilen: --batch ist der globale Stapel, jeder Rang erhält einen gleich großen Anteil</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>the gradient became non-finite at step %1; training stopped and the model keeps the weights of step %2</source>
        <translation>der Gradient wurde bei Schritt %1 nicht endlich; das Training wurde abgebrochen, und das Modell behält die Gewichte von Schritt %2</translation>
    </message>
    <message>
        <location line="+117"/>
        <source>the random generator&apos;s state in &apos;%1&apos; cannot be read (%2)</source>
        <translation>der Zustand des Zufallsgenerators in &apos;%1&apos; kann nicht gelesen werden (%2)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>a model can start from another one&apos;s weights only before its first step</source>
        <translation>ein Modell kann nur vor seinem ersten Schritt mit den Gewichten eines anderen beginnen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;%1&apos; cannot start this model: its %2 differs</source>
        <translation>„%1“ kann dieses Modell nicht beginnen: sein %2 ist anders</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&apos;%1&apos; cannot start this model: it has no weights for %2</source>
        <translation>„%1“ kann dieses Modell nicht beginnen: es hat keine Gewichte für %2</translation>
    </message>
    <message>
        <location filename="../core/checkpoint.cpp" line="+62"/>
        <source>&apos;%1&apos; is empty (0 bytes): it holds no model</source>
        <translation>&apos;%1&apos; ist leer (0 Bytes): die Datei enthält kein Modell</translation>
    </message>
    <message>
        <location line="+142"/>
        <location filename="../core/modelfile.cpp" line="-82"/>
        <source>&apos;%1&apos; is incomplete: the setting &apos;%2&apos; is missing</source>
        <translation>„%1“ ist unvollständig: Die Einstellung „%2“ fehlt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;%1&apos; is damaged: the setting &apos;%2&apos; holds the wrong kind of value</source>
        <translation>&apos;%1&apos; ist beschädigt: die Einstellung &apos;%2&apos; enthält einen Wert der falschen Art</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;%1&apos; is damaged: its setting %2 is far beyond any valid value</source>
        <translation>„%1“ ist beschädigt: seine Einstellung %2 liegt weit außerhalb jedes gültigen Werts</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;%1&apos; names an unknown schedule or prediction</source>
        <translation>„%1“ nennt einen unbekannten Rauschplan oder ein unbekanntes Vorhersageziel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;%1&apos; describes an invalid model: %2</source>
        <translation>„%1“ beschreibt ein ungültiges Modell: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;%1&apos; describes an invalid schedule: %2</source>
        <translation>„%1“ beschreibt einen ungültigen Rauschplan: %2</translation>
    </message>
    <message>
        <location line="-287"/>
        <location filename="../core/legacycheckpoint.cpp" line="-41"/>
        <location line="+2"/>
        <source>&apos;%1&apos; holds no %2 weights</source>
        <translation>„%1“ enthält keine %2-Gewichte</translation>
    </message>
    <message>
        <location filename="../core/legacycheckpoint.cpp" line="-132"/>
        <source>&apos;%1&apos; is refused: its archive carries TorchScript code (&apos;%2&apos;), which would run when it is opened</source>
        <translation>„%1“ wird abgelehnt: Sein Archiv enthält TorchScript-Code („%2“), der beim Öffnen ausgeführt würde</translation>
    </message>
    <message>
        <location filename="../core/checkpoint.cpp" line="+164"/>
        <source>&apos;%1&apos; is damaged: its settings cannot be read</source>
        <translation>„%1“ ist beschädigt: Die Einstellungen können nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>&apos;%1&apos; is a classifier, not a model checkpoint</source>
        <translation>„%1“ ist ein Klassifikator, kein Modell-Prüfpunkt</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>&apos;%1&apos; names %2 classes for a model of %3</source>
        <translation>„%1“ nennt %2 Klassen für ein Modell mit %3 Klassen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;%1&apos; has invalid training settings: %2</source>
        <translation>„%1“ hat ungültige Trainingseinstellungen: %2</translation>
    </message>
    <message>
        <location filename="../core/modelfile.cpp" line="+2"/>
        <source>&apos;%1&apos; is damaged: its step count %2 is impossible</source>
        <translation>„%1“ ist beschädigt: Die Schrittzahl %2 ist unmöglich</translation>
    </message>
    <message>
        <location filename="../core/trainer.cpp" line="-84"/>
        <source>cannot save the checkpoint: %1</source>
        <translation>der Prüfpunkt kann nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <location filename="../core/checkpoint.cpp" line="-214"/>
        <location filename="../core/legacycheckpoint.cpp" line="+168"/>
        <source>&apos;%1&apos; holds no optimizer state</source>
        <translation>„%1“ enthält keinen Optimiererzustand</translation>
    </message>
    <message>
        <location filename="../core/device.cpp" line="+18"/>
        <source>CUDA was asked for, but no CUDA device is available</source>
        <translation>CUDA wurde angefordert, aber es ist kein CUDA-Gerät verfügbar</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>unknown device &apos;%1&apos; (expected one of %2)</source>
        <translation>unbekanntes Gerät „%1“ (erwartet wird eines von: %2)</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>%1 ran out of memory (%2); try a smaller batch or a smaller model</source>
        <translation>%1 ist fehlgeschlagen, weil der Speicher nicht ausreichte (%2); versuchen Sie eine kleinere Stapelgröße oder ein kleineres Modell</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 failed: %2</source>
        <translation>%1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 failed for an unknown reason</source>
        <translation>%1 ist aus unbekanntem Grund fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../core/unet.cpp" line="+121"/>
        <source>unknown model preset &apos;%1&apos; (expected one of %2)</source>
        <translation>unbekannte Modellvoreinstellung „%1“ (erwartet wird eines von: %2)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the base width ch must be a positive even number of at most %1</source>
        <translation>die Basisbreite ch muss eine positive gerade Zahl von höchstens %1 sein</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ch_mult needs between 1 and %1 levels</source>
        <translation>ch_mult benötigt 1 bis %1 Stufen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>every ch_mult entry must be between 1 and %1</source>
        <translation>jeder Eintrag von ch_mult muss zwischen 1 und %1 liegen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>num_res_blocks must be between 1 and %1</source>
        <translation>num_res_blocks muss zwischen 1 und %1 liegen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>attn_resolutions may name at most %1 resolutions</source>
        <translation>attn_resolutions darf höchstens %1 Auflösungen nennen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the number of classes must be between 0 and %1</source>
        <translation>die Anzahl der Klassen muss zwischen 0 und %1 liegen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>every attention resolution must be between 1 and %1</source>
        <translation>jede Attention-Auflösung muss zwischen 1 und %1 liegen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>images must have 1 (grey) or 3 (RGB) channels</source>
        <translation>Bilder müssen 1 (Graustufen) oder 3 (RGB) Kanäle haben</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the image size %1 must be a multiple of %2 (one halving per level) and at most 512</source>
        <translation>die Bildgröße %1 muss ein Vielfaches von %2 (eine Halbierung pro Stufe) und höchstens 512 sein</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>dropout must lie in [0, 1)</source>
        <translation>der Dropout-Wert muss in [0, 1) liegen</translation>
    </message>
    <message>
        <location filename="../core/precision.cpp" line="+48"/>
        <source>unknown precision &apos;%1&apos; (expected one of %2)</source>
        <translation>unbekannte Rechengenauigkeit „%1“ (erwartet wird eines von: %2)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>bf16 mixed</source>
        <translation>bf16 gemischt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>bf16 mixed (AMX)</source>
        <translation>bf16 gemischt (AMX)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bf16 mixed (AVX512-BF16)</source>
        <translation>bf16 gemischt (AVX512-BF16)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bf16 mixed (emulated: slow on this CPU)</source>
        <translation>bf16 gemischt (emuliert: langsam auf dieser CPU)</translation>
    </message>
    <message>
        <location filename="../core/classifier.cpp" line="+137"/>
        <source>the %1 set for the classifier is empty</source>
        <translation>der %1-Datensatz für den Klassifikator ist leer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the classifier reads grey %1×%1 images; the %2 set &apos;%3&apos; is not</source>
        <translation>der Klassifikator liest Graustufenbilder der Größe %1×%1; der %2-Datensatz „%3“ besteht nicht daraus</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the %1 set &apos;%2&apos; has no labels</source>
        <translation>der %1-Datensatz „%2“ hat keine Labels</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the %1 set &apos;%2&apos; has labels outside 0 … %3</source>
        <translation>der %1-Datensatz „%2“ enthält Labels außerhalb von 0 … %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the classifier&apos;s training was cancelled</source>
        <translation>das Training des Klassifikators wurde abgebrochen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>invalid classifier training settings</source>
        <translation>ungültige Trainingseinstellungen für den Klassifikator</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>the classifier&apos;s loss became %1 at step %2</source>
        <translation>der Verlust des Klassifikators wurde bei Schritt %2 zu %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>training the classifier</source>
        <translation>das Training des Klassifikators</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>cannot save the classifier: %1</source>
        <translation>der Klassifikator kann nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&apos;%1&apos; is not a DDPM Studio classifier</source>
        <translation>„%1“ ist kein Klassifikator von DDPM Studio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;%1&apos; is a model checkpoint, not a classifier</source>
        <translation>„%1“ ist ein Modell-Prüfpunkt, kein Klassifikator</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;%1&apos; is not a DDPM Studio classifier (its format is &apos;%2&apos;)</source>
        <translation>„%1“ ist kein Klassifikator von DDPM Studio (sein Format ist „%2“)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&apos;%1&apos; is an incomplete classifier: a setting is missing or invalid</source>
        <translation>„%1“ ist ein unvollständiger Klassifikator: Eine Einstellung fehlt oder ist ungültig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;%1&apos; classifies %2×%2 images; this program reads %3×%3 classifiers</source>
        <translation>„%1“ klassifiziert Bilder der Größe %2×%2; dieses Programm liest Klassifikatoren für %3×%3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&apos;%1&apos; names %2 classes but has %3 outputs</source>
        <translation>„%1“ nennt %2 Klassen, hat aber %3 Ausgänge</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&apos;%1&apos; holds no classifier weights</source>
        <translation>„%1“ enthält keine Klassifikatorgewichte</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>the classifier needs a batch of 8-bit images [N, C, H, W]</source>
        <translation>der Klassifikator benötigt einen Stapel von 8-Bit-Bildern [N, C, H, W]</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the Fashion-MNIST classifier reads grey images; these have %1 channels (quality is measured for grey models only)</source>
        <translation>der Fashion-MNIST-Klassifikator liest Graustufenbilder; diese haben %1 Kanäle (die Qualität wird nur für Graustufenmodelle gemessen)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the classifier cannot read %1×%2 images (square, 8×8 or larger)</source>
        <translation>der Klassifikator kann keine Bilder der Größe %1×%2 lesen (nötig: quadratisch, 8×8 oder größer)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>the classifier needs a batch of images [N, C, H, W]</source>
        <translation>der Klassifikator benötigt einen Stapel von Bildern [N, C, H, W]</translation>
    </message>
    <message>
        <location filename="../core/quality.cpp" line="+111"/>
        <source>the quality reference needs grey %1×%1 test and training images</source>
        <translation>die Qualitätsreferenz benötigt Test- und Trainingsbilder in Graustufen der Größe %1×%1</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>the quality floor takes between 2 and %1 images, not %2</source>
        <translation>die Untergrenze der Qualität wird mit 2 bis %1 Bildern gemessen, nicht mit %2</translation>
    </message>
    <message>
        <location line="+54"/>
        <location line="+43"/>
        <source>measuring the quality reference</source>
        <translation>das Messen der Qualitätsreferenz</translation>
    </message>
    <message>
        <location line="-121"/>
        <source>the quality measurement was cancelled</source>
        <translation>die Qualitätsmessung wurde abgebrochen</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>the classifier classifies other classes than Fashion-MNIST&apos;s (its first: %1): quality is measured with a classifier of Fashion-MNIST&apos;s ten classes</source>
        <translation>der Klassifikator klassifiziert andere Klassen als die von Fashion-MNIST (die erste: %1): Die Qualität wird mit einem Klassifikator der zehn Fashion-MNIST-Klassen gemessen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;%1&apos; classifies other classes than Fashion-MNIST&apos;s (its first: %2): quality is measured with a classifier of Fashion-MNIST&apos;s ten classes</source>
        <translation>&apos;%1&apos; klassifiziert andere Klassen als die von Fashion-MNIST (die erste: %2): Die Qualität wird mit einem Klassifikator der zehn Fashion-MNIST-Klassen gemessen</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>the quality reference holds no training features</source>
        <translation>die Qualitätsreferenz enthält keine Merkmale der Trainingsbilder</translation>
    </message>
    <message>
        <location line="+166"/>
        <source>quality is measured for grey models only; this model makes %1-channel images</source>
        <translation>die Qualität wird nur für Graustufenmodelle gemessen; dieses Modell erzeugt Bilder mit %1 Kanälen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>quality needs at least 2 samples, not %1</source>
        <translation>die Qualitätsmessung benötigt mindestens 2 Samples, nicht %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the quality reference&apos;s floor was measured with %1 images, not %2</source>
        <translation>die Untergrenze der Qualitätsreferenz wurde mit %1 Bildern gemessen, nicht mit %2</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>measuring the sample quality</source>
        <translation>das Messen der Sample-Qualität</translation>
    </message>
    <message>
        <location filename="../core/modelstate.cpp" line="+19"/>
        <source>unknown weights &apos;%1&apos; (expected one of %2)</source>
        <translation>unbekannte Gewichte &apos;%1&apos; (erwartet wird eines von: %2)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&apos;%1&apos; holds only the EMA weights (it was exported for sampling): there are no raw weights to use</source>
        <translation>„%1“ enthält nur die EMA-Gewichte (für das Sampling exportiert): Es gibt keine Rohgewichte, die verwendet werden könnten</translation>
    </message>
    <message>
        <location filename="../core/likelihood.cpp" line="+15"/>
        <source>the likelihood bound was cancelled</source>
        <translation>die Berechnung der Likelihood-Schranke wurde abgebrochen</translation>
    </message>
    <message>
        <location line="+114"/>
        <location line="+95"/>
        <source>the likelihood bound needs a schedule of at least 2 steps</source>
        <translation>die Likelihood-Schranke braucht einen Zeitplan mit mindestens 2 Schritten</translation>
    </message>
    <message>
        <location line="-66"/>
        <location line="+87"/>
        <source>computing the likelihood bound</source>
        <translation>das Berechnen der Likelihood-Schranke</translation>
    </message>
    <message>
        <location filename="../core/toy2d.cpp" line="+8"/>
        <source>the number of points must be between 1 and %1</source>
        <translation>die Anzahl der Punkte muss zwischen 1 und %1 liegen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>unknown 2-D data set &apos;%1&apos; (expected gmm8, moons, swissroll or csv:FILE)</source>
        <translation>unbekannter 2-D-Datensatz „%1“ (erwartet: gmm8, moons, swissroll oder csv:FILE)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1, line %2: expected two numbers, x and y</source>
        <translation>%1, Zeile %2: zwei Zahlen erwartet, x und y</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1, line %2: x and y must lie within ±%3 (the diffusion ends in N(0, I): points of about ±1 suit it; scale them)</source>
        <translation>%1, Zeile %2: x und y müssen innerhalb von ±%3 liegen (die Diffusion endet in N(0, I): Punkte um ±1 passen dazu; skalieren Sie sie)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 has more than %2 points</source>
        <translation>%1 hat mehr als %2 Punkte</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 holds no points (x,y rows)</source>
        <translation>%1 enthält keine Punkte (Zeilen x,y)</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>2-D training needs points as [N, 2]</source>
        <translation>das 2-D-Training benötigt Punkte als [N, 2]</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>the loss became %1 at step %2: the model was not changed by that step</source>
        <translation>der Verlust wurde bei Schritt %2 zu %1: Das Modell wurde durch diesen Schritt nicht verändert</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>%1 is not a 2-D toy model (ddpm toy --save writes those)</source>
        <translation>%1 ist kein 2-D-Spielzeugmodell (solche Modelle schreibt ddpm toy --save)</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+7"/>
        <source>%1: the toy model&apos;s shapes are not valid</source>
        <translation>%1: Die Formen des Spielzeugmodells sind ungültig</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1: the toy model&apos;s setting %2 is not valid</source>
        <translation>%1: die Einstellung %2 des Spielzeugmodells ist ungültig</translation>
    </message>
    <message>
        <location filename="../core/interpolation.cpp" line="+21"/>
        <source>unknown interpolation mode &apos;%1&apos; (ddpm or ddim)</source>
        <translation>unbekannter Interpolationsmodus „%1“ (ddpm oder ddim)</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>both images must have the model&apos;s shape</source>
        <translation>beide Bilder müssen die Form des Modells haben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>between 2 and %1 interpolation steps λ</source>
        <translation>2 bis %1 Interpolationsschritte λ erforderlich</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a walk between two images takes one class, or none</source>
        <translation>ein Weg zwischen zwei Bildern nimmt eine Klasse oder keine</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>t must lie between 0 and %1</source>
        <translation>t muss zwischen 0 und %1 liegen</translation>
    </message>
    <message>
        <location filename="../core/sampler.cpp" line="-177"/>
        <source>DDIM takes between 1 and %1 steps</source>
        <translation>DDIM benötigt 1 bis %1 Schritte</translation>
    </message>
    <message>
        <location filename="../core/distributed.cpp" line="+52"/>
        <source>RANK and WORLD_SIZE must both be set for a distributed run (torchrun sets them)</source>
        <translation>für einen verteilten Lauf müssen sowohl RANK als auch WORLD_SIZE gesetzt sein (torchrun setzt sie)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>WORLD_SIZE must be a whole number of at least 1, not &apos;%1&apos;</source>
        <translation>WORLD_SIZE muss eine ganze Zahl von mindestens 1 sein, nicht „%1“</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>RANK must be a whole number from 0 to %1, not &apos;%2&apos;</source>
        <translation>RANK muss eine ganze Zahl von 0 bis %1 sein, nicht „%2“</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>LOCAL_RANK must be a whole number of at least 0, not &apos;%1&apos;</source>
        <translation>LOCAL_RANK muss eine ganze Zahl von mindestens 0 sein, nicht „%1“</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>MASTER_PORT must be a port number from 1 to 65535, not &apos;%1&apos;</source>
        <translation>MASTER_PORT muss eine Portnummer von 1 bis 65535 sein, nicht „%1“</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>this build has no NCCL for distributed training on CUDA</source>
        <translation>dieser Build enthält kein NCCL für verteiltes Training auf CUDA</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>rank %1 of %2 could not join the job at %3:%4 with %5 within %6 s (were all %2 ranks started?): %7</source>
        <translation>Rang %1 von %2 konnte dem Job unter %3:%4 mit %5 nicht binnen %6 s beitreten (wurden alle %2 Ränge gestartet?): %7</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>this build of ddpm has no distributed training: its LibTorch has no c10d (on Debian, install libgloo-dev and build again)</source>
        <translation>dieser Build von ddpm unterstützt kein verteiltes Training: Das verwendete LibTorch enthält kein c10d (unter Debian libgloo-dev installieren und neu bauen)</translation>
    </message>
    <message>
        <location filename="../app/cli/commandline.cpp" line="+347"/>
        <source>the command &apos;%1&apos;</source>
        <translation>der Befehl &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../app/bench/main.cpp" line="+13"/>
        <source>the benchmark</source>
        <translation>die Leistungsmessung</translation>
    </message>
    <message>
        <location filename="../core/diffusion.cpp" line="+21"/>
        <source>unknown prediction &apos;%1&apos; (expected one of %2)</source>
        <translation>unbekannte Vorhersage &apos;%1&apos; (erwartet wird eines von: %2)</translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <location filename="../app/common/exporter.cpp" line="+202"/>
        <source>Cannot create the folder &apos;%1&apos;.</source>
        <translation>Der Ordner „%1“ kann nicht erstellt werden.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&apos;%1&apos; already holds a file of an earlier export (%2): new and old files would mix. Choose another folder, or replace the earlier export.</source>
        <translation>„%1“ enthält bereits eine Datei eines früheren Exports (%2): Neue und alte Dateien würden sich vermischen. Wählen Sie einen anderen Ordner oder ersetzen Sie den früheren Export.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>&apos;%1&apos; already holds %n files of an earlier export (%2 …): new and old files would mix. Choose another folder, or replace the earlier export.</source>
        <translation>
            <numerusform>„%1“ enthält bereits %n Datei eines früheren Exports (%2 …): Neue und alte Dateien würden sich vermischen. Wählen Sie einen anderen Ordner oder ersetzen Sie den früheren Export.</numerusform>
            <numerusform>„%1“ enthält bereits %n Dateien eines früheren Exports (%2 …): Neue und alte Dateien würden sich vermischen. Wählen Sie einen anderen Ordner oder ersetzen Sie den früheren Export.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+28"/>
        <source>Cannot write into the folder &apos;%1&apos;: it takes no new files (%2). The earlier files, if any, are unchanged.</source>
        <translation>In den Ordner „%1“ kann nicht geschrieben werden: Er nimmt keine neuen Dateien an (%2). Frühere Dateien sind, falls vorhanden, unverändert.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot replace &apos;%1&apos; of the earlier export. The earlier files are unchanged.</source>
        <translation>„%1“ des früheren Exports kann nicht ersetzt werden. Die früheren Dateien sind unverändert.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot move &apos;%1&apos; into place. The earlier files are unchanged.</source>
        <translation>„%1“ kann nicht an seinen Platz verschoben werden. Die früheren Dateien sind unverändert.</translation>
    </message>
</context>
<context>
    <name>Exports</name>
    <message>
        <location filename="../app/studio/document/exports.cpp" line="+57"/>
        <source>The reverse process is still running: export it when it ends, or after Cancel (the export then records the step it stopped at).</source>
        <translation>Der Rückwärtsprozess läuft noch: Exportieren Sie ihn, wenn er endet, oder nach „Abbrechen“ (der Export vermerkt dann den Schritt, an dem er anhielt).</translation>
    </message>
    <message>
        <location line="+64"/>
        <location line="+12"/>
        <source>There are no samples yet: run the reverse process first.</source>
        <translation>Es gibt noch keine Samples: Führen Sie zuerst den Rückwärtsprozess aus.</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+29"/>
        <source>There is no reverse process to export yet.</source>
        <translation>Es gibt noch keinen Rückwärtsprozess zum Exportieren.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The name %1 does not end in .%2: an animation of this kind is saved under a name that does.</source>
        <translation>Der Name %1 endet nicht auf .%2: Eine solche Animation wird unter einem Namen gespeichert, der so endet.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>There is no image to noise yet: choose a data set.</source>
        <translation>Es gibt noch kein Bild zum Verrauschen: Wählen Sie einen Datensatz.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>There is no loss history yet: train the model first.</source>
        <translation>Es gibt noch keinen Verlustverlauf: Trainieren Sie zuerst das Modell.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>The export ran out of memory; export fewer images or frames.</source>
        <translation>Dem Export ging der Speicher aus; exportieren Sie weniger Bilder oder Einzelbilder.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The export failed: %1</source>
        <translation>Der Export ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The export failed.</source>
        <translation>Der Export ist fehlgeschlagen.</translation>
    </message>
</context>
<context>
    <name>GuidanceChart</name>
    <message>
        <location filename="../app/studio/views/guidancechart.cpp" line="+22"/>
        <source>Quality against guidance w (every class in equal shares)</source>
        <translation>Qualität in Abhängigkeit von der Guidance w (jede Klasse zu gleichen Teilen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+18"/>
        <source>Fréchet distance</source>
        <translation>Fréchet-Distanz</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>floor (real images)</source>
        <translation>Untergrenze (echte Bilder)</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+13"/>
        <source>class agreement, %</source>
        <translation>Klassenübereinstimmung, %</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>guidance w: ε̃ = (1 + w) ε̂(x, t, c) − w ε̂(x, t, ∅)</source>
        <translation>Guidance w: ε̃ = (1 + w) ε̂(x, t, c) − w ε̂(x, t, ∅)</translation>
    </message>
</context>
<context>
    <name>HelpPanel</name>
    <message>
        <location filename="../app/studio/views/helppanel.cpp" line="+111"/>
        <source>The forward process: adding noise</source>
        <translation>Der Vorwärtsprozess: Rauschen hinzufügen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training: learning to predict the noise</source>
        <translation>Training: das Rauschen vorhersagen lernen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The reverse process: sampling</source>
        <translation>Der Rückwärtsprozess: Sampling</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Noise schedules</source>
        <translation>Rauschpläne</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>training steps so far</source>
        <translation>bisherige Trainingsschritte</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>How good are the samples?</source>
        <translation>Wie gut sind die Samples?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The score: what ε̂ really is</source>
        <translation>Der Score: was ε̂ wirklich ist</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>timestep, 1 … T</source>
        <translation>Zeitschritt, 1 … T</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>denoising step of this run, of all its steps</source>
        <translation>Entrauschungsschritt dieses Laufs / Gesamtzahl seiner Schritte</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>timestep of the x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; shown, 1 … T (0: the clean image)</source>
        <translation>Zeitschritt des angezeigten x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;, 1 … T (0: das unverrauschte Bild)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>number of diffusion steps</source>
        <translation>Anzahl der Diffusionsschritte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>variance of the noise added at this step</source>
        <translation>Varianz des in diesem Schritt hinzugefügten Rauschens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 − β&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;, variance kept by this step</source>
        <translation>1 − β&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;, in diesem Schritt erhaltene Varianz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>share of the signal variance left</source>
        <translation>verbleibender Anteil der Signalvarianz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>scale of the image in x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;</source>
        <translation>Skalierung des Bildes in x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>scale of the noise in x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;</source>
        <translation>Skalierung des Rauschens in x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SNR&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;</source>
        <translation>SNR&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>signal-to-noise ratio ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; / (1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;)</source>
        <translation>Signal-Rausch-Verhältnis ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; / (1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>log SNR&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;</source>
        <translation>log SNR&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>above 0: mostly image; below 0: mostly noise</source>
        <translation>über 0: überwiegend Bild; unter 0: überwiegend Rauschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>standard deviation of the noise added while sampling</source>
        <translation>Standardabweichung des beim Sampling hinzugefügten Rauschens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DDIM stochasticity, 0 = deterministic</source>
        <translation>DDIM-Stochastizität, 0 = deterministisch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>smoothed loss</source>
        <translation>geglätteter Verlust</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the loss averaged over recent steps, as the chart draws it</source>
        <translation>über die letzten Schritte gemittelter Verlust, wie ihn das Diagramm zeigt</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+211"/>
        <source>Fréchet distance</source>
        <translation>Fréchet-Distanz</translation>
    </message>
    <message>
        <location line="-211"/>
        <source>between the samples&apos; and the test images&apos; classifier features</source>
        <translation>zwischen den Klassifikatormerkmalen der Samples und denen der Testbilder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>floor</source>
        <translation>Untergrenze</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the distance of real training images to the test images</source>
        <translation>die Distanz echter Trainingsbilder zu den Testbildern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>distance ÷ floor</source>
        <translation>Distanz ÷ Untergrenze</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>1 would be as close as real images</source>
        <translation>1 hieße: so nah wie echte Bilder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>confidence</source>
        <translation>Konfidenz</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the classifier&apos;s mean top probability on the samples</source>
        <translation>die mittlere höchste Wahrscheinlichkeit des Klassifikators für die Samples</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the score is ε̂ times minus this: s&lt;sub&gt;θ&lt;/sub&gt; = −ε̂ / √(1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;)</source>
        <translation>der Score ist ε̂ mal minus diesem Wert: s&lt;sub&gt;θ&lt;/sub&gt; = −ε̂ / √(1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Langevin η&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;</source>
        <translation>Langevin η&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the Langevin step size here, %1 (1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;): noise √η per step</source>
        <translation>die hier verwendete Langevin-Schrittweite, %1 (1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;): Rauschen √η pro Schritt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>score error</source>
        <translation>Score-Fehler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mean ‖s&lt;sub&gt;θ&lt;/sub&gt; − ∇ log q&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;‖ ÷ mean ‖∇ log q&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;‖ at points of q&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;</source>
        <translation>mittleres ‖s&lt;sub&gt;θ&lt;/sub&gt; − ∇ log q&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;‖ ÷ mittleres ‖∇ log q&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;‖ an Punkten aus q&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sampler</source>
        <translation>Sampler</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the method of this run</source>
        <translation>das Verfahren dieses Laufs</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Now</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Training images x&lt;sub&gt;0&lt;/sub&gt; are scaled to [−1, 1]. The forward process destroys them in T small steps, each adding a little Gaussian noise:</source>
        <translation>Die Trainingsbilder x&lt;sub&gt;0&lt;/sub&gt; werden auf [−1, 1] skaliert. Der Vorwärtsprozess zerstört sie in T kleinen Schritten, von denen jeder ein wenig gaußsches Rauschen hinzufügt:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>q(x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; | x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;−1&lt;/sub&gt;) = 𝒩(√(1 − β&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;) x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;−1&lt;/sub&gt;, β&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; I)</source>
        <translation>q(x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; | x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;−1&lt;/sub&gt;) = 𝒩(√(1 − β&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;) x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;−1&lt;/sub&gt;, β&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; I)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+5"/>
        <location line="+39"/>
        <location line="+36"/>
        <location line="+126"/>
        <location line="+6"/>
        <source>(eq. %1)</source>
        <translation>(Gl. %1)</translation>
    </message>
    <message>
        <location line="-211"/>
        <source>Gaussians add up to a Gaussian, so any step can be reached from x&lt;sub&gt;0&lt;/sub&gt; in one jump, without running the chain:</source>
        <translation>Die Summe von Gaußverteilungen ist wieder eine Gaußverteilung, daher lässt sich jeder Schritt von x&lt;sub&gt;0&lt;/sub&gt; aus mit einem Sprung erreichen, ohne die Kette zu durchlaufen:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; = √ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; x&lt;sub&gt;0&lt;/sub&gt; + √(1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;) ε, &amp;nbsp; ε ~ 𝒩(0, I)</source>
        <translation>x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; = √ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; x&lt;sub&gt;0&lt;/sub&gt; + √(1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;) ε, &amp;nbsp; ε ~ 𝒩(0, I)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;β&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;&lt;/b&gt;: the variance of the noise added at step t, set by the schedule.</source>
        <translation>&lt;b&gt;β&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;&lt;/b&gt;: die Varianz des in Schritt t hinzugefügten Rauschens, festgelegt durch den Rauschplan.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;α&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; = 1 − β&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;&lt;/b&gt;: the share of the variance one step keeps.</source>
        <translation>&lt;b&gt;α&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; = 1 − β&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;&lt;/b&gt;: der Anteil der Varianz, den ein Schritt erhält.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; = α&lt;sub&gt;1&lt;/sub&gt; α&lt;sub&gt;2&lt;/sub&gt; ⋯ α&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;&lt;/b&gt;: the share of the image&apos;s variance left after t steps. √ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; scales the image, √(1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;) the noise.</source>
        <translation>&lt;b&gt;ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; = α&lt;sub&gt;1&lt;/sub&gt; α&lt;sub&gt;2&lt;/sub&gt; ⋯ α&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;&lt;/b&gt;: der Anteil der Bildvarianz, der nach t Schritten übrig ist. √ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; skaliert das Bild, √(1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;) das Rauschen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;SNR&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; = ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; / (1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;)&lt;/b&gt;: the signal-to-noise ratio. Above 1 the image dominates, below 1 the noise.</source>
        <translation>&lt;b&gt;SNR&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; = ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; / (1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;)&lt;/b&gt;: das Signal-Rausch-Verhältnis. Über 1 dominiert das Bild, unter 1 das Rauschen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Why the histogram turns into 𝒩(0, 1)</source>
        <translation>Warum das Histogramm zu 𝒩(0, 1) wird</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The pixel histogram of x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; is the data&apos;s histogram shrunk by √ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;, blurred by noise of variance 1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;. As t grows, ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; falls towards 0 (about 4·10&lt;sup&gt;−5&lt;/sup&gt; at t = 1000 for the linear schedule), so the image&apos;s part vanishes and what is left is a standard normal: exactly where the reverse process starts. Shrinking by √(1 − β&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;) at every step is what keeps the variance near 1 instead of growing.</source>
        <translation>Das Pixelhistogramm von x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; ist das Histogramm der Daten, um den Faktor √ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; gestaucht und durch Rauschen der Varianz 1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; verwischt. Mit wachsendem t fällt ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; gegen 0 (etwa 4·10&lt;sup&gt;−5&lt;/sup&gt; bei t = 1000 für den linearen Rauschplan), sodass der Bildanteil verschwindet und eine Standardnormalverteilung übrig bleibt: genau dort, wo der Rückwärtsprozess beginnt. Dass in jedem Schritt um √(1 − β&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;) gestaucht wird, hält die Varianz nahe 1, statt sie wachsen zu lassen.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The network ε&lt;sub&gt;θ&lt;/sub&gt; is shown a noisy image and the timestep, and is trained to tell which noise was added. %1, repeated until converged:</source>
        <translation>Das Netz ε&lt;sub&gt;θ&lt;/sub&gt; erhält ein verrauschtes Bild und den Zeitschritt und wird darauf trainiert zu erkennen, welches Rauschen hinzugefügt wurde. %1, wiederholt bis zur Konvergenz:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Algorithm 1 of Ho et al. 2020</source>
        <translation>Algorithmus 1 aus Ho et al. 2020</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Take a batch of training images x&lt;sub&gt;0&lt;/sub&gt;.</source>
        <translation>Einen Stapel Trainingsbilder x&lt;sub&gt;0&lt;/sub&gt; nehmen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw a timestep t uniformly from {1, …, T} for each image.</source>
        <translation>Für jedes Bild einen Zeitschritt t gleichverteilt aus {1, …, T} ziehen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw noise ε ~ 𝒩(0, I).</source>
        <translation>Rauschen ε ~ 𝒩(0, I) ziehen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; = √ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; x&lt;sub&gt;0&lt;/sub&gt; + √(1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;) ε in one jump (eq. 4).</source>
        <translation>x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; = √ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; x&lt;sub&gt;0&lt;/sub&gt; + √(1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;) ε mit einem Sprung bilden (Gl. 4).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Take a gradient step on the simple loss:</source>
        <translation>Einen Gradientenschritt auf dem einfachen Verlust ausführen:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>L&lt;sub&gt;simple&lt;/sub&gt; = ‖ε − ε&lt;sub&gt;θ&lt;/sub&gt;(x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;, &lt;i&gt;t&lt;/i&gt;)‖²</source>
        <translation>L&lt;sub&gt;simple&lt;/sub&gt; = ‖ε − ε&lt;sub&gt;θ&lt;/sub&gt;(x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;, &lt;i&gt;t&lt;/i&gt;)‖²</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loss per timestep</source>
        <translation>Verlust pro Zeitschritt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Split by t, the loss of ε-prediction is highest at small t. There x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; is almost the clean image and the noise is a faint pattern on top of it, hard to tell apart from the image&apos;s own fine detail. At large t, x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; is almost pure noise, so x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; itself is already a good guess of ε and the loss is small. The average loss flattens early; samples keep improving long after.</source>
        <translation>Nach t aufgeschlüsselt ist der Verlust der ε-Vorhersage bei kleinem t am höchsten. Dort ist x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; fast das unverrauschte Bild, und das Rauschen ist ein schwaches Muster darauf, das sich kaum von den feinen Details des Bildes selbst unterscheiden lässt. Bei großem t ist x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; fast reines Rauschen, daher ist x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; selbst bereits eine gute Schätzung von ε, und der Verlust ist klein. Der durchschnittliche Verlust flacht früh ab; die Samples werden noch lange danach besser.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>EMA weights</source>
        <translation>EMA-Gewichte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Samples are drawn with an exponential moving average of the weights, updated after every step:</source>
        <translation>Samples werden mit einem exponentiellen gleitenden Mittelwert der Gewichte erzeugt, der nach jedem Schritt aktualisiert wird:</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>DDIM&apos;s S timesteps lie evenly over T … 1 by default, both ends kept, so the last step starts at t = 1, where almost no noise is left. Trailing takes T, T − T/S, …, T/S instead: every step spans T/S timesteps, and no network evaluation goes to that nearly noise-free last step (Lin et al. 2024).</source>
        <translation>DDIMs S Zeitschritte liegen standardmäßig gleichmäßig über T … 1, beide Enden eingeschlossen; der letzte Schritt beginnt also bei t = 1, wo kaum noch Rauschen übrig ist. „Nachlaufend“ nimmt stattdessen T, T − T/S, …, T/S: Jeder Schritt umfasst T/S Zeitschritte, und keine Netzauswertung entfällt auf diesen fast rauschfreien letzten Schritt (Lin et al. 2024).</translation>
    </message>
    <message>
        <location line="-150"/>
        <source>mean squared error per pixel of the network&apos;s prediction: ‖ε − ε&lt;sub&gt;θ&lt;/sub&gt;‖² for ε-prediction (the paper&apos;s), the same of x&lt;sub&gt;0&lt;/sub&gt; or v for a model that predicts those</source>
        <translation>mittlerer quadratischer Fehler pro Pixel der Vorhersage des Netzes: ‖ε − ε&lt;sub&gt;θ&lt;/sub&gt;‖² bei ε-Vorhersage (wie in der Originalarbeit), derselbe für x&lt;sub&gt;0&lt;/sub&gt; oder v bei einem Modell, das diese vorhersagt</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>timestep of the x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; shown, which the model sees at this step (0: x₀, where the run ends)</source>
        <translation>Zeitschritt des angezeigten x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;, das das Modell in diesem Schritt sieht (0: x₀, wo der Lauf endet)</translation>
    </message>
    <message>
        <location line="+127"/>
        <source>θ&lt;sub&gt;EMA&lt;/sub&gt; ← d&lt;sub&gt;&lt;i&gt;n&lt;/i&gt;&lt;/sub&gt; · θ&lt;sub&gt;EMA&lt;/sub&gt; + (1 − d&lt;sub&gt;&lt;i&gt;n&lt;/i&gt;&lt;/sub&gt;) · θ,   d&lt;sub&gt;&lt;i&gt;n&lt;/i&gt;&lt;/sub&gt; = min(d, (1 + &lt;i&gt;n&lt;/i&gt;) / (10 + &lt;i&gt;n&lt;/i&gt;))</source>
        <translation>θ&lt;sub&gt;EMA&lt;/sub&gt; ← d&lt;sub&gt;&lt;i&gt;n&lt;/i&gt;&lt;/sub&gt; · θ&lt;sub&gt;EMA&lt;/sub&gt; + (1 − d&lt;sub&gt;&lt;i&gt;n&lt;/i&gt;&lt;/sub&gt;) · θ,   d&lt;sub&gt;&lt;i&gt;n&lt;/i&gt;&lt;/sub&gt; = min(d, (1 + &lt;i&gt;n&lt;/i&gt;) / (10 + &lt;i&gt;n&lt;/i&gt;))</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It averages away the jitter of single steps, so EMA samples are usually cleaner. At step &lt;i&gt;n&lt;/i&gt; the average reaches back about (10 + &lt;i&gt;n&lt;/i&gt;) / 9 steps, a ninth of the run, so that the random first weights soon drop out of it; from about 9 / (1 − d) steps on, it reaches back 1 / (1 − d) steps (1000 for d = 0.999; the paper uses 0.9999). The EMA samples thus lag a little behind the raw weights.</source>
        <translation>Er mittelt das Schwanken einzelner Schritte heraus, daher sind EMA-Samples meist sauberer. Bei Schritt &lt;i&gt;n&lt;/i&gt; reicht der Mittelwert etwa (10 + &lt;i&gt;n&lt;/i&gt;) / 9 Schritte zurück, ein Neuntel des Laufs, sodass die zufälligen ersten Gewichte bald aus ihm herausfallen; ab etwa 9 / (1 − d) Schritten reicht er 1 / (1 − d) Schritte zurück (1000 bei d = 0.999; die Originalarbeit verwendet 0.9999). Die EMA-Samples hinken den Rohgewichten daher etwas hinterher.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Sampling runs the chain backwards with the trained network (%1): start from pure noise x&lt;sub&gt;&lt;i&gt;T&lt;/i&gt;&lt;/sub&gt; ~ 𝒩(0, I); for t = T, …, 1 draw z ~ 𝒩(0, I) (z = 0 at t = 1) and step</source>
        <translation>Beim Sampling wird die Kette mit dem trainierten Netz rückwärts durchlaufen (%1): Man beginnt mit reinem Rauschen x&lt;sub&gt;&lt;i&gt;T&lt;/i&gt;&lt;/sub&gt; ~ 𝒩(0, I), zieht für t = T, …, 1 jeweils z ~ 𝒩(0, I) (z = 0 bei t = 1) und rechnet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Algorithm 2 of Ho et al. 2020</source>
        <translation>Algorithmus 2 aus Ho et al. 2020</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;−1&lt;/sub&gt; = (1 / √α&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;) · (x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; − β&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; / √(1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;) · ε&lt;sub&gt;θ&lt;/sub&gt;(x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;, &lt;i&gt;t&lt;/i&gt;)) + σ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; z</source>
        <translation>x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;−1&lt;/sub&gt; = (1 / √α&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;) · (x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; − β&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; / √(1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;) · ε&lt;sub&gt;θ&lt;/sub&gt;(x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;, &lt;i&gt;t&lt;/i&gt;)) + σ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; z</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Two choices of the added variance work about equally well: σ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;² = β&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;, or the variance of the true posterior q(x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;−1&lt;/sub&gt; | x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;, x&lt;sub&gt;0&lt;/sub&gt;),</source>
        <translation>Zwei Wahlen für die hinzugefügte Varianz funktionieren etwa gleich gut: σ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;² = β&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; oder die Varianz der wahren A-posteriori-Verteilung q(x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;−1&lt;/sub&gt; | x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;, x&lt;sub&gt;0&lt;/sub&gt;),</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>σ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;² = β̃&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; = β&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; (1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;−1&lt;/sub&gt;) / (1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;)</source>
        <translation>σ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;² = β̃&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; = β&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; (1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;−1&lt;/sub&gt;) / (1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The model&apos;s guess of the clean image</source>
        <translation>Die Schätzung des Modells für das unverrauschte Bild</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Solving eq. 4 for x&lt;sub&gt;0&lt;/sub&gt; with the predicted noise gives, at every step, the current estimate of the final image (clipped to [−1, 1]):</source>
        <translation>Löst man Gl. 4 mit dem vorhergesagten Rauschen nach x&lt;sub&gt;0&lt;/sub&gt; auf, erhält man in jedem Schritt die aktuelle Schätzung des fertigen Bildes (begrenzt auf [−1, 1]):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>x̂&lt;sub&gt;0&lt;/sub&gt; = (x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; − √(1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;) ε&lt;sub&gt;θ&lt;/sub&gt;(x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;, &lt;i&gt;t&lt;/i&gt;)) / √ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;</source>
        <translation>x̂&lt;sub&gt;0&lt;/sub&gt; = (x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; − √(1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;) ε&lt;sub&gt;θ&lt;/sub&gt;(x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;, &lt;i&gt;t&lt;/i&gt;)) / √ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At large t it is a blurry average of plausible images; coarse layout is decided first, fine detail last.</source>
        <translation>Bei großem t ist es ein verschwommener Mittelwert plausibler Bilder; zuerst wird die grobe Anordnung festgelegt, zuletzt die feinen Details.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DDIM</source>
        <translation>DDIM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 reuses the same network but jumps along a subsequence of timesteps, e.g. 50 instead of 1000. From t to the next kept timestep s &lt; t:</source>
        <translation>%1 verwendet dasselbe Netz, springt aber entlang einer Teilfolge der Zeitschritte, z. B. 50 statt 1000. Von t zum nächsten beibehaltenen Zeitschritt s &lt; t:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DDIM (Song et al. 2021)</source>
        <translation>DDIM (Song et al. 2021)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>x&lt;sub&gt;&lt;i&gt;s&lt;/i&gt;&lt;/sub&gt; = √ᾱ&lt;sub&gt;&lt;i&gt;s&lt;/i&gt;&lt;/sub&gt; x̂&lt;sub&gt;0&lt;/sub&gt; + √(1 − ᾱ&lt;sub&gt;&lt;i&gt;s&lt;/i&gt;&lt;/sub&gt; − σ²) ε&lt;sub&gt;θ&lt;/sub&gt; + σ z</source>
        <translation>x&lt;sub&gt;&lt;i&gt;s&lt;/i&gt;&lt;/sub&gt; = √ᾱ&lt;sub&gt;&lt;i&gt;s&lt;/i&gt;&lt;/sub&gt; x̂&lt;sub&gt;0&lt;/sub&gt; + √(1 − ᾱ&lt;sub&gt;&lt;i&gt;s&lt;/i&gt;&lt;/sub&gt; − σ²) ε&lt;sub&gt;θ&lt;/sub&gt; + σ z</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>σ = η √((1 − ᾱ&lt;sub&gt;&lt;i&gt;s&lt;/i&gt;&lt;/sub&gt;) / (1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;)) √(1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; / ᾱ&lt;sub&gt;&lt;i&gt;s&lt;/i&gt;&lt;/sub&gt;)</source>
        <translation>σ = η √((1 − ᾱ&lt;sub&gt;&lt;i&gt;s&lt;/i&gt;&lt;/sub&gt;) / (1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;)) √(1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; / ᾱ&lt;sub&gt;&lt;i&gt;s&lt;/i&gt;&lt;/sub&gt;)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>η = 0 is deterministic: the same x&lt;sub&gt;&lt;i&gt;T&lt;/i&gt;&lt;/sub&gt; always gives the same image. η = 1 adds DDPM-like noise; with every timestep kept it is DDPM with σ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;² = β̃&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;.</source>
        <translation>η = 0 ist deterministisch: Dasselbe x&lt;sub&gt;&lt;i&gt;T&lt;/i&gt;&lt;/sub&gt; ergibt immer dasselbe Bild. η = 1 fügt Rauschen wie bei DDPM hinzu; werden alle Zeitschritte beibehalten, ist es DDPM mit σ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;² = β̃&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>ε̂ is a scaled score</source>
        <translation>ε̂ ist ein skalierter Score</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Given x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;, the best guess of the noise in it points away from where the noisy data are dense. Exactly: the ε that minimises the training loss is</source>
        <translation>Zu gegebenem x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; zeigt die beste Schätzung des darin enthaltenen Rauschens von dort weg, wo die verrauschten Daten dicht liegen. Genauer: Das ε, das den Trainingsverlust minimiert, ist</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ε&lt;sup&gt;*&lt;/sup&gt;(x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;, &lt;i&gt;t&lt;/i&gt;) = −√(1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;) ∇&lt;sub&gt;x&lt;/sub&gt; log q&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;(x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;)</source>
        <translation>ε&lt;sup&gt;*&lt;/sup&gt;(x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;, &lt;i&gt;t&lt;/i&gt;) = −√(1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;) ∇&lt;sub&gt;x&lt;/sub&gt; log q&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;(x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>so the network&apos;s score is s&lt;sub&gt;θ&lt;/sub&gt; = −ε&lt;sub&gt;θ&lt;/sub&gt; / √(1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;), and training with L&lt;sub&gt;simple&lt;/sub&gt; is denoising score matching at every noise level at once (%1, §3.2). The score grows as t falls: at small t the density is sharp.</source>
        <translation>daher ist der Score des Netzes s&lt;sub&gt;θ&lt;/sub&gt; = −ε&lt;sub&gt;θ&lt;/sub&gt; / √(1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;), und das Training mit L&lt;sub&gt;simple&lt;/sub&gt; ist Denoising Score Matching auf allen Rauschniveaus zugleich (%1, §3.2). Der Score wächst, wenn t fällt: Bei kleinem t ist die Dichte scharf.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ho et al. 2020</source>
        <translation>Ho et al. 2020</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Langevin dynamics</source>
        <translation>Langevin-Dynamik</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With a score, samples can be drawn by Langevin dynamics: many small steps uphill plus noise,</source>
        <translation>Mit einem Score lassen sich Samples durch Langevin-Dynamik erzeugen: viele kleine Schritte bergauf plus Rauschen,</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>x ← x + (η/2) s&lt;sub&gt;θ&lt;/sub&gt;(x, &lt;i&gt;t&lt;/i&gt;) + √η z, &amp;nbsp; z ~ 𝒩(0, I)</source>
        <translation>x ← x + (η/2) s&lt;sub&gt;θ&lt;/sub&gt;(x, &lt;i&gt;t&lt;/i&gt;) + √η z, &amp;nbsp; z ~ 𝒩(0, I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>here with η&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; = %3 (1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;), from the noisiest level down (annealed, %1). At one small noise level alone the chain cannot cross between modes: it finds them, but not their weights. Predictor–corrector (%2) follows each DDPM or DDIM step with such steps, their size set by a signal-to-noise ratio r: ε = 2 α&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; (r ‖z‖ / ‖s‖)², which for images (‖z‖² = D, ‖s‖² = D / (1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;)) is 2 α&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; r² (1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;), the same for every image; then x ← x + ε s + √(2ε) z. Algorithm 2 itself is one such step per level.</source>
        <translation>hier mit η&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; = %3 (1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;), vom am stärksten verrauschten Niveau abwärts (Annealed-Langevin-Dynamik, %1). Auf einem einzigen kleinen Rauschniveau allein kann die Kette nicht zwischen den Moden wechseln: Sie findet sie, aber nicht ihre Gewichte. Prädiktor-Korrektor (%2) lässt auf jeden DDPM- oder DDIM-Schritt solche Schritte folgen, deren Größe ein Signal-Rausch-Verhältnis r festlegt: ε = 2 α&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; (r ‖z‖ / ‖s‖)², für Bilder (‖z‖² = D, ‖s‖² = D / (1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;)) also 2 α&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; r² (1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;), für jedes Bild gleich; dann x ← x + ε s + √(2ε) z. Algorithmus 2 selbst ist ein solcher Schritt pro Niveau.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Song &amp; Ermon 2019</source>
        <translation>Song &amp; Ermon 2019</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Song et al. 2021</source>
        <translation>Song et al. 2021</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>In two dimensions the truth can be computed. For eight Gaussians on a ring the noisy density q&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; is again a mixture, with means √ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; μ&lt;sub&gt;k&lt;/sub&gt; and variances ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; σ&lt;sub&gt;k&lt;/sub&gt;² + 1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;, so its score is known exactly (blue arrows). A small MLP with the U-Net&apos;s time embedding, trained by Algorithm 1 on the points, gives the black arrows.</source>
        <translation>In zwei Dimensionen lässt sich die Wahrheit berechnen. Für acht Gaußverteilungen auf einem Ring ist die verrauschte Dichte q&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; wieder eine Mischung, mit Mittelwerten √ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; μ&lt;sub&gt;k&lt;/sub&gt; und Varianzen ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; σ&lt;sub&gt;k&lt;/sub&gt;² + 1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;, daher ist ihr Score exakt bekannt (blaue Pfeile). Ein kleines MLP mit der Zeiteinbettung des U-Net, mit Algorithmus 1 auf den Punkten trainiert, liefert die schwarzen Pfeile.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What to try</source>
        <translation>Was Sie ausprobieren können</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scrub t from T down: the field is almost linear (a Gaussian) at large t and splits into the modes at small t.</source>
        <translation>Verschieben Sie t von T abwärts: Bei großem t ist das Feld fast linear (eine Gaußverteilung), bei kleinem t teilt es sich in die Moden auf.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop training early and compare the arrows and the error: the score is learned first where the data are.</source>
        <translation>Beenden Sie das Training früh und vergleichen Sie die Pfeile und den Fehler: Der Score wird zuerst dort gelernt, wo die Daten liegen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sample with Langevin at one noise level on the ring with its exact score, then with annealed Langevin: the first finds the modes but not their weights.</source>
        <translation>Erzeugen Sie Samples mit Langevin auf einem einzigen Rauschniveau auf dem Ring mit seinem exakten Score, dann mit Annealed-Langevin-Dynamik: Das erste Verfahren findet die Moden, aber nicht ihre Gewichte.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Draw your own points and train on them.</source>
        <translation>Zeichnen Sie eigene Punkte und trainieren Sie darauf.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A loss curve says how well the network predicts noise, not how good the images are. This view measures the samples themselves, with a small classifier trained on Fashion-MNIST that ships with the program.</source>
        <translation>Eine Verlustkurve zeigt, wie gut das Netz das Rauschen vorhersagt, nicht wie gut die Bilder sind. Diese Ansicht misst die Samples selbst, mit einem kleinen, auf Fashion-MNIST trainierten Klassifikator, der mit dem Programm mitgeliefert wird.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The classifier&apos;s penultimate layer turns each image into a feature vector. The features of the samples and of the test images are each summarised by a Gaussian (mean μ, covariance Σ), and the two Gaussians are compared:</source>
        <translation>Die vorletzte Schicht des Klassifikators macht aus jedem Bild einen Merkmalsvektor. Die Merkmale der Samples und die der Testbilder werden jeweils durch eine Gaußverteilung (Mittelwert μ, Kovarianz Σ) zusammengefasst, und die beiden Gaußverteilungen werden verglichen:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>d² = ‖μ&lt;sub&gt;s&lt;/sub&gt; − μ&lt;sub&gt;r&lt;/sub&gt;‖² + tr(Σ&lt;sub&gt;s&lt;/sub&gt; + Σ&lt;sub&gt;r&lt;/sub&gt; − 2 (Σ&lt;sub&gt;s&lt;/sub&gt; Σ&lt;sub&gt;r&lt;/sub&gt;)&lt;sup&gt;½&lt;/sup&gt;)</source>
        <translation>d² = ‖μ&lt;sub&gt;s&lt;/sub&gt; − μ&lt;sub&gt;r&lt;/sub&gt;‖² + tr(Σ&lt;sub&gt;s&lt;/sub&gt; + Σ&lt;sub&gt;r&lt;/sub&gt; − 2 (Σ&lt;sub&gt;s&lt;/sub&gt; Σ&lt;sub&gt;r&lt;/sub&gt;)&lt;sup&gt;½&lt;/sup&gt;)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It is the FID of the literature computed with this classifier instead of Inception, so its values are comparable between runs of this program, not with published FIDs. Lower is better.</source>
        <translation>Das ist der FID aus der Literatur, berechnet mit diesem Klassifikator statt mit Inception; seine Werte sind daher zwischen Läufen dieses Programms vergleichbar, nicht mit veröffentlichten FID-Werten. Niedriger ist besser.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The floor</source>
        <translation>Die Untergrenze</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The same distance from as many real training images to the test images: what a perfect model would reach with this many samples, since a finite sample never matches exactly. Distance ÷ floor near 1 means the samples are as close to the data as real images are.</source>
        <translation>Dieselbe Distanz von ebenso vielen echten Trainingsbildern zu den Testbildern: der Wert, den ein perfektes Modell mit dieser Anzahl von Samples erreichen würde, da eine endliche Stichprobe nie genau übereinstimmt. Distanz ÷ Untergrenze nahe 1 bedeutet, dass die Samples den Daten so nahe sind wie echte Bilder.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Confidence and class shares</source>
        <translation>Konfidenz und Klassenanteile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The classifier&apos;s mean top probability on the samples: high when the samples look like clear members of a class, low for blurry or ambiguous ones. The class shares should each be near 10 %: a model that draws some classes far more often than others has lost diversity (mode collapse).</source>
        <translation>Die mittlere höchste Wahrscheinlichkeit des Klassifikators für die Samples: hoch, wenn die Samples wie eindeutige Vertreter einer Klasse aussehen, niedrig bei verschwommenen oder mehrdeutigen. Die Klassenanteile sollten jeweils nahe 10 % liegen: Ein Modell, das manche Klassen weit häufiger erzeugt als andere, hat an Vielfalt verloren (Modenkollaps).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Against the number of steps</source>
        <translation>In Abhängigkeit von der Schrittzahl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The sweep measures DDIM with 10 to 250 steps, DDPM with all of them, and DDIM with a Langevin corrector and annealed Langevin dynamics at about 100 and 250 network evaluations: how much quality each extra network evaluation buys, and the time per image it costs.</source>
        <translation>Die Messreihe umfasst DDIM mit 10 bis 250 Schritten, DDPM mit allen Schritten sowie DDIM mit Langevin-Korrektor und annealte Langevin-Dynamik bei etwa 100 und 250 Netzauswertungen: wie viel Qualität jede zusätzliche Netzauswertung bringt und wie viel Zeit pro Bild sie kostet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Guidance</source>
        <translation>Guidance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A class-conditional model, trained with its class left out now and then, predicts the noise with and without a class; classifier-free guidance mixes the two (Ho &amp;amp; Salimans 2022):</source>
        <translation>Ein klassenkonditioniertes Modell, bei dessen Training die Klasse ab und zu weggelassen wurde, sagt das Rauschen mit und ohne Klasse voraus; klassifikatorfreie Guidance mischt beides (Ho &amp;amp; Salimans 2022):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ε̃ = (1 + w) ε̂(x&lt;sub&gt;t&lt;/sub&gt;, t, c) − w ε̂(x&lt;sub&gt;t&lt;/sub&gt;, t)</source>
        <translation>ε̃ = (1 + w) ε̂(x&lt;sub&gt;t&lt;/sub&gt;, t, c) − w ε̂(x&lt;sub&gt;t&lt;/sub&gt;, t)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The Guidance chart measures every class in equal shares at several w: the Fréchet distance against the share of samples the classifier puts in the class asked for. A larger w raises that share and, past a point, the distance too: the images become typical of their class and less varied.</source>
        <translation>Das Guidance-Diagramm misst jede Klasse zu gleichen Teilen bei mehreren w: die Fréchet-Distanz gegen den Anteil der Samples, die der Klassifikator der gewünschten Klasse zuordnet. Ein größeres w erhöht diesen Anteil und ab einem gewissen Punkt auch die Distanz: Die Bilder werden typisch für ihre Klasse und weniger vielfältig.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nearest training images</source>
        <translation>Nächstgelegene Trainingsbilder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Is a sample new, or a copy of a training image? Each sample is shown beside its nearest training image in the classifier&apos;s features and beside its nearest in pixels. A sample counts as a likely copy when it lies nearer to a training image than 99 % of the test images do: a model that memorised its data scores near 100 %, one that generalises near 1 %.</source>
        <translation>Ist ein Sample neu oder die Kopie eines Trainingsbilds? Jedes Sample wird neben seinem nächstgelegenen Trainingsbild in den Merkmalen des Klassifikators und neben seinem nächstgelegenen in Pixeln gezeigt. Ein Sample gilt als wahrscheinliche Kopie, wenn es näher an einem Trainingsbild liegt als 99 % der Testbilder: Ein Modell, das seine Daten auswendig gelernt hat, erreicht fast 100 %, eines, das verallgemeinert, etwa 1 %.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Likelihood bound</source>
        <translation>Likelihood-Schranke</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training minimises a bound on the negative log-likelihood of the data (Ho et al. 2020):</source>
        <translation>Das Training minimiert eine Schranke für die negative Log-Likelihood der Daten (Ho et al. 2020):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>−log p&lt;sub&gt;θ&lt;/sub&gt;(x&lt;sub&gt;0&lt;/sub&gt;) ≤ L&lt;sub&gt;T&lt;/sub&gt; + Σ&lt;sub&gt;t&amp;gt;1&lt;/sub&gt; L&lt;sub&gt;t−1&lt;/sub&gt; + L&lt;sub&gt;0&lt;/sub&gt;</source>
        <translation>−log p&lt;sub&gt;θ&lt;/sub&gt;(x&lt;sub&gt;0&lt;/sub&gt;) ≤ L&lt;sub&gt;T&lt;/sub&gt; + Σ&lt;sub&gt;t&amp;gt;1&lt;/sub&gt; L&lt;sub&gt;t−1&lt;/sub&gt; + L&lt;sub&gt;0&lt;/sub&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Each L&lt;sub&gt;t−1&lt;/sub&gt; is the KL divergence between the forward process&apos;s posterior q(x&lt;sub&gt;t−1&lt;/sub&gt; | x&lt;sub&gt;t&lt;/sub&gt;, x&lt;sub&gt;0&lt;/sub&gt;) and the model&apos;s step p&lt;sub&gt;θ&lt;/sub&gt;(x&lt;sub&gt;t−1&lt;/sub&gt; | x&lt;sub&gt;t&lt;/sub&gt;); with ε-prediction it is a weighted noise error:</source>
        <translation>Jedes L&lt;sub&gt;t−1&lt;/sub&gt; ist die KL-Divergenz zwischen der Posterior-Verteilung des Vorwärtsprozesses q(x&lt;sub&gt;t−1&lt;/sub&gt; | x&lt;sub&gt;t&lt;/sub&gt;, x&lt;sub&gt;0&lt;/sub&gt;) und dem Schritt des Modells p&lt;sub&gt;θ&lt;/sub&gt;(x&lt;sub&gt;t−1&lt;/sub&gt; | x&lt;sub&gt;t&lt;/sub&gt;); mit ε-Vorhersage ist es ein gewichteter Rauschfehler:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>L&lt;sub&gt;t−1&lt;/sub&gt; = β&lt;sub&gt;t&lt;/sub&gt;²/(2σ&lt;sub&gt;t&lt;/sub&gt;²α&lt;sub&gt;t&lt;/sub&gt;(1−ᾱ&lt;sub&gt;t&lt;/sub&gt;)) ‖ε − ε̂‖²</source>
        <translation>L&lt;sub&gt;t−1&lt;/sub&gt; = β&lt;sub&gt;t&lt;/sub&gt;²/(2σ&lt;sub&gt;t&lt;/sub&gt;²α&lt;sub&gt;t&lt;/sub&gt;(1−ᾱ&lt;sub&gt;t&lt;/sub&gt;)) ‖ε − ε̂‖²</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>L_simple drops the weight. The Likelihood bound tab measures the terms at some t on held-out images, in bits per dimension, and adds them up; L&lt;sub&gt;0&lt;/sub&gt; is the discrete decoder&apos;s term and L&lt;sub&gt;T&lt;/sub&gt; the prior&apos;s. &lt;i&gt;ddpm nll&lt;/i&gt; measures every t of many images.</source>
        <translation>L_simple lässt das Gewicht weg. Der Reiter „Likelihood-Schranke“ misst die Terme bei einigen t an zurückgehaltenen Bildern, in Bits pro Dimension, und summiert sie; L&lt;sub&gt;0&lt;/sub&gt; ist der Term des diskreten Decoders und L&lt;sub&gt;T&lt;/sub&gt; der des Priors. &lt;i&gt;ddpm nll&lt;/i&gt; misst jedes t an vielen Bildern.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The schedule β&lt;sub&gt;1&lt;/sub&gt; … β&lt;sub&gt;&lt;i&gt;T&lt;/i&gt;&lt;/sub&gt; decides how fast the image is destroyed, and so which noise levels the model spends its steps on.</source>
        <translation>Der Rauschplan β&lt;sub&gt;1&lt;/sub&gt; … β&lt;sub&gt;&lt;i&gt;T&lt;/i&gt;&lt;/sub&gt; bestimmt, wie schnell das Bild zerstört wird, und damit, auf welche Rauschniveaus das Modell seine Schritte verwendet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;Linear&lt;/b&gt; (Ho et al. 2020): β&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; rises linearly from 10&lt;sup&gt;−4&lt;/sup&gt; to 0.02 over T = 1000 steps. Simple, but ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; drops fast: below 0.03 from t ≈ 600 on, so for small images many late steps are almost pure noise.</source>
        <translation>&lt;b&gt;Linear&lt;/b&gt; (Ho et al. 2020): β&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; steigt über T = 1000 Schritte linear von 10&lt;sup&gt;−4&lt;/sup&gt; auf 0.02. Einfach, aber ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; fällt schnell: ab t ≈ 600 liegt es unter 0.03, sodass bei kleinen Bildern viele späte Schritte fast reines Rauschen sind.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;Cosine&lt;/b&gt; (%1): defined through ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; = f(t) / f(0) with f(t) = cos²(((t/T + s) / (1 + s)) · π/2), s = 0.008, and β&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; = 1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; / ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;−1&lt;/sub&gt; capped at 0.999 (f(T) = 0 would make β&lt;sub&gt;&lt;i&gt;T&lt;/i&gt;&lt;/sub&gt; = 1). ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; falls almost linearly in the middle; the offset s keeps the first β&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; from being too small.</source>
        <translation>&lt;b&gt;Kosinus (cosine)&lt;/b&gt; (%1): definiert über ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; = f(t) / f(0) mit f(t) = cos²(((t/T + s) / (1 + s)) · π/2), s = 0.008, und β&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; = 1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; / ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;−1&lt;/sub&gt;, begrenzt auf 0.999 (f(T) = 0 ergäbe β&lt;sub&gt;&lt;i&gt;T&lt;/i&gt;&lt;/sub&gt; = 1). ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; fällt in der Mitte fast linear; der Versatz s verhindert, dass das erste β&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; zu klein wird.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nichol &amp;amp; Dhariwal 2021</source>
        <translation>Nichol &amp;amp; Dhariwal 2021</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Sigmoid&lt;/b&gt;: β&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; = β&lt;sub&gt;1&lt;/sub&gt; + (β&lt;sub&gt;&lt;i&gt;T&lt;/i&gt;&lt;/sub&gt; − β&lt;sub&gt;1&lt;/sub&gt;) · sigmoid(x), x evenly spaced on [−6, 6]: small for a while, a steep rise in the middle, then level.</source>
        <translation>&lt;b&gt;Sigmoid&lt;/b&gt;: β&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; = β&lt;sub&gt;1&lt;/sub&gt; + (β&lt;sub&gt;&lt;i&gt;T&lt;/i&gt;&lt;/sub&gt; − β&lt;sub&gt;1&lt;/sub&gt;) · sigmoid(x), x gleichmäßig verteilt auf [−6, 6]: eine Weile klein, in der Mitte ein steiler Anstieg, danach flach.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;Quadratic&lt;/b&gt;: √β&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; rises linearly, so β&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; starts slower than linear.</source>
        <translation>&lt;b&gt;Quadratisch (quadratic)&lt;/b&gt;: √β&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; steigt linear, daher steigt β&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; anfangs langsamer als beim linearen Rauschplan.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reading the log-SNR curve</source>
        <translation>Die log-SNR-Kurve lesen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>log SNR&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; = log(ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; / (1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;)) runs from large positive values (almost clean) through 0 (image and noise equally strong, ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; = ½) to large negative ones (almost pure noise). Compare schedules by where they cross 0 and how steeply they fall: steps spent far below 0 teach little, and a steep stretch means big jumps between neighbouring noise levels. The cosine curve is close to a straight line over most of t, spreading the steps more evenly over the noise levels.</source>
        <translation>log SNR&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; = log(ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; / (1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;)) verläuft von großen positiven Werten (fast unverrauscht) über 0 (Bild und Rauschen gleich stark, ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; = ½) bis zu großen negativen Werten (fast reines Rauschen). Vergleichen Sie Rauschpläne danach, wo sie 0 kreuzen und wie steil sie fallen: Schritte weit unter 0 bringen dem Modell wenig bei, und ein steiler Abschnitt bedeutet große Sprünge zwischen benachbarten Rauschniveaus. Die Kosinus-Kurve (cosine) ist über den größten Teil von t nahezu eine Gerade und verteilt die Schritte gleichmäßiger auf die Rauschniveaus.</translation>
    </message>
</context>
<context>
    <name>HistogramView</name>
    <message>
        <location filename="../widgets/histogramview.cpp" line="+217"/>
        <source>n = %1   mean %2   std %3</source>
        <translation>n = %1   Mittelwert %2   Std.-Abw. %3</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n outside</source>
        <translation>
            <numerusform>%n außerhalb</numerusform>
            <numerusform>%n außerhalb</numerusform>
        </translation>
    </message>
    <message>
        <location line="-41"/>
        <source>No values</source>
        <translation>Keine Werte</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>N(0, 1)</source>
        <translation>N(0, 1)</translation>
    </message>
</context>
<context>
    <name>ImageGrid</name>
    <message>
        <location filename="../widgets/imagegrid.cpp" line="+170"/>
        <source>No images</source>
        <translation>Keine Bilder</translation>
    </message>
</context>
<context>
    <name>ImageIO</name>
    <message>
        <location filename="../app/common/imageio.cpp" line="+143"/>
        <source>&apos;%1&apos; is a file, not a folder of images.</source>
        <translation>„%1“ ist eine Datei, kein Ordner mit Bildern.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The folder &apos;%1&apos; does not exist.</source>
        <translation>Der Ordner „%1“ existiert nicht.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>The folder &apos;%1&apos; holds no readable PNG or JPEG images.</source>
        <translation>Der Ordner „%1“ enthält keine lesbaren PNG- oder JPEG-Bilder.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The folder &apos;%1&apos; holds no readable PNG or JPEG images: none of its files could be read as one (%2).</source>
        <translation>Der Ordner &apos;%1&apos; enthält keine lesbaren PNG- oder JPEG-Bilder: Keine seiner Dateien ließ sich als Bild lesen (%2).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>1 file skipped, not an image that can be read (%1)</source>
        <translation>1 Datei übersprungen, kein lesbares Bild (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 files skipped, not images that can be read (%2)</source>
        <translation>%1 Dateien übersprungen, keine lesbaren Bilder (%2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>only the first %1 images are used</source>
        <translation>nur die ersten %1 Bilder werden verwendet</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The folder name &apos;%1&apos; is not UTF-8: rename the folder, or link to it under a name that is.</source>
        <translation>Der Ordnername &apos;%1&apos; ist kein UTF-8: Benennen Sie den Ordner um oder verlinken Sie ihn unter einem UTF-8-Namen.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the file there is a model (a checkpoint), which this would replace: name another file</source>
        <translation>die Datei dort ist ein Modell (ein Prüfpunkt), das hiermit ersetzt würde: Wählen Sie eine andere Datei</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>it is a folder</source>
        <translation>es handelt sich um einen Ordner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it is not a regular file (a device, a pipe or a socket)</source>
        <translation>es ist keine reguläre Datei (ein Gerät, eine Pipe oder ein Socket)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Cannot write &apos;%1&apos;: %2.</source>
        <translation>„%1“ kann nicht geschrieben werden: %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+43"/>
        <source>Cannot write &apos;%1&apos;: %2</source>
        <translation>„%1“ kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Cannot write &apos;%1&apos;: %2. The earlier file, if any, is unchanged.</source>
        <translation>„%1“ kann nicht geschrieben werden: %2. Eine eventuell vorhandene frühere Datei bleibt unverändert.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the file name must end in .gif or .webp</source>
        <translation>der Dateiname muss auf .gif oder .webp enden</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Cannot encode &apos;%1&apos;: %2</source>
        <translation>„%1“ kann nicht kodiert werden: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the file name is not UTF-8: give one that is</source>
        <translation>der Dateiname ist kein UTF-8: bitte einen in UTF-8 angeben</translation>
    </message>
    <message>
        <location line="-191"/>
        <source>Loading the folder &apos;%1&apos; was stopped.</source>
        <translation>Das Laden des Ordners „%1“ wurde angehalten.</translation>
    </message>
    <message>
        <location line="+164"/>
        <source>the file name must end in an image type that can be written here: %1</source>
        <translation>der Dateiname muss auf einen Bildtyp enden, der hier geschrieben werden kann: %1</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Cannot write &apos;%1&apos;: %2. The earlier files, if any, are unchanged.</source>
        <translation>„%1“ kann nicht geschrieben werden: %2. Eventuell vorhandene frühere Dateien bleiben unverändert.</translation>
    </message>
</context>
<context>
    <name>ImageStrip</name>
    <message>
        <location filename="../widgets/imagestrip.cpp" line="+332"/>
        <source>No frames yet</source>
        <translation>Noch keine Einzelbilder</translation>
    </message>
</context>
<context>
    <name>InterpolateDialog</name>
    <message>
        <location filename="../app/studio/views/interpolatedialog.cpp" line="+17"/>
        <source>Interpolate between two images</source>
        <translation>Zwischen zwei Bildern interpolieren</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>DDPM: noise both to t, mix, denoise</source>
        <translation>DDPM: beide bis t verrauschen, mischen, entrauschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DDIM: invert both to the noise at t = T, mix spherically, decode</source>
        <translation>DDIM: beide zum Rauschen bei t = T invertieren, sphärisch mischen, dekodieren</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>How far both images are noised before they are mixed: at a small t the walk mixes the pixels, at a large t it passes through new images</source>
        <translation>Wie stark beide Bilder verrauscht werden, bevor sie gemischt werden: Bei kleinem t mischt der Übergang die Pixel, bei großem t führt er durch neue Bilder</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The steps of the inversion and of the decoding: with more, each end comes back closer to its own image</source>
        <translation>Die Schritte der Inversion und der Dekodierung: Mit mehr Schritten kommt jedes Ende seinem eigenen Bild näher</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Interpolate</source>
        <translation>Interpolieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>From image</source>
        <translation>Startbild</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To image</source>
        <translation>Zielbild</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Walk</source>
        <translation>Übergang</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Noise to t (DDPM)</source>
        <translation>Verrauschen bis t (DDPM)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Steps (DDIM)</source>
        <translation>Schritte (DDIM)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images λ = 0 … 1</source>
        <translation>Bilder λ = 0 … 1</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Both images are run backwards through DDIM (η = 0) to the noise at t = T they would come from, the two noises are mixed along the sphere they lie near, and each mixture is decoded with DDIM (Song et al. 2021, §5.3).</source>
        <translation>Beide Bilder werden mit DDIM (η = 0) rückwärts bis zu dem Rauschen bei t = T geführt, aus dem sie hervorgehen würden; die beiden Rauschbilder werden entlang der Sphäre gemischt, in deren Nähe sie liegen, und jede Mischung wird mit DDIM dekodiert (Song et al. 2021, §5.3).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Both images are noised to t with the same noise, mixed as (1 − λ) xₜᵃ + λ xₜᵇ, and each mixture is denoised with the same reverse noise, so the images differ only by λ (Ho et al. 2020, Fig. 8).</source>
        <translation>Beide Bilder werden mit demselben Rauschen bis t verrauscht, als (1 − λ) xₜᵃ + λ xₜᵇ gemischt, und jede Mischung wird mit demselben Rauschen des Rückwärtsprozesses entrauscht, sodass sich die Bilder nur durch λ unterscheiden (Ho et al. 2020, Abb. 8).</translation>
    </message>
</context>
<context>
    <name>LossChart</name>
    <message>
        <location filename="../widgets/losschart.cpp" line="+42"/>
        <location line="+43"/>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>Smoothed</source>
        <translation>Geglättet</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Drag to zoom, right-click to zoom out, double-click to show everything</source>
        <translation>Ziehen zum Zoomen, Rechtsklick zum Herauszoomen, Doppelklick zeigt alles</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../app/studio/windowviews.cpp" line="+58"/>
        <source>Settings not saved</source>
        <translation>Einstellungen nicht gespeichert</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Data &amp;&amp; forward process</source>
        <translation>Daten &amp;&amp; Vorwärtsprozess</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reverse process</source>
        <translation>Rückwärtsprozess</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Schedules</source>
        <translation>Rauschpläne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../app/studio/mainwindow.cpp" line="+111"/>
        <location filename="../app/studio/menus.cpp" line="+376"/>
        <source>What am I looking at?</source>
        <translation>Was sehe ich hier?</translation>
    </message>
    <message>
        <location filename="../app/studio/windowviews.cpp" line="+34"/>
        <source>%1 is in: this training run goes on with the data set it began with; the next Start trains on the new one.</source>
        <translation>%1 ist geladen: Dieser Trainingslauf arbeitet mit dem Datensatz weiter, mit dem er begonnen hat; der nächste Start trainiert auf dem neuen.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>A new, untrained model: the preset, the noise schedule and the classes make a model of their own (the other settings are the run&apos;s).</source>
        <translation>Ein neues, untrainiertes Modell: Voreinstellung, Rauschplan und Klassen ergeben ein eigenes Modell (die übrigen Einstellungen gehören zum Trainingslauf).</translation>
    </message>
    <message>
        <location filename="../app/studio/mainwindow.cpp" line="+70"/>
        <source>Training paused at step %L1: Resume goes on from here, Stop ends the run</source>
        <translation>Training bei Schritt %L1 angehalten: „Fortsetzen“ macht hier weiter, „Stoppen“ beendet den Lauf</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Following the run: %1</source>
        <translation>Verfolgter Lauf: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <location filename="../app/studio/windowviews.cpp" line="+21"/>
        <source>Training stopped at step %L1: the target was lowered to %L2 steps</source>
        <translation>Training bei Schritt %L1 beendet: das Ziel wurde auf %L2 Schritte gesenkt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Training reached its target of %L1 steps</source>
        <translation>Das Training hat sein Ziel von %L1 Schritten erreicht</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Training stopped at step %1</source>
        <translation>Training bei Schritt %1 angehalten</translation>
    </message>
    <message>
        <location filename="../app/studio/mainwindow.cpp" line="+35"/>
        <location filename="../app/studio/menus.cpp" line="-54"/>
        <source>Export the quality measurements</source>
        <translation>Qualitätsmessungen exportieren</translation>
    </message>
    <message>
        <location filename="../app/studio/menus.cpp" line="-218"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>&amp;New model</source>
        <translation>&amp;Neues Modell</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open a checkpoint</source>
        <translation>Prüfpunkt öffnen</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>New model from &amp;weights…</source>
        <translation>Neues Modell aus &amp;Gewichten…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+21"/>
        <location line="+74"/>
        <source>DDPM checkpoints (*.ckpt *.pt);;All files (*)</source>
        <translation>DDPM-Prüfpunkte (*.ckpt *.pt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="-87"/>
        <source>A new model that starts from another model&apos;s weights, with its network, schedule and prediction, and the training settings and classes of this form: fine-tune a model on other data, or make a class-conditional model from an unconditional one</source>
        <translation>Ein neues Modell, das mit den Gewichten eines anderen Modells beginnt, mit dessen Netz, Rauschplan und Vorhersage und mit den Trainingseinstellungen und Klassen dieses Formulars: ein Modell auf anderen Daten nachtrainieren oder aus einem unkonditionierten Modell ein klassenkonditioniertes machen</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Follow training run…</source>
        <translation>&amp;Trainingslauf folgen…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Open &amp;recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;demo model</source>
        <translation>&amp;Demo-Modell öffnen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A Fashion-MNIST model that ships with the program, to watch denoising at once</source>
        <translation>Ein mit dem Programm mitgeliefertes Fashion-MNIST-Modell, um dem Entrauschen sofort zuzusehen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the model</source>
        <translation>Modell speichern</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+13"/>
        <source>DDPM checkpoints (*.ckpt)</source>
        <translation>DDPM-Prüfpunkte (*.ckpt)</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Save &amp;as…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the model as</source>
        <translation>Modell speichern unter</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is not a training log: its first line is not &quot;%2&quot;, as the log of ddpm train --log begins.</source>
        <translation>%1 ist kein Trainingsprotokoll: Seine erste Zeile ist nicht &quot;%2&quot;, mit der das Protokoll von ddpm train --log beginnt.</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>&amp;Export</source>
        <translation>E&amp;xportieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export the sample grid</source>
        <translation>Sample-Raster exportieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+27"/>
        <location line="+12"/>
        <location line="+8"/>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>Export every sample into</source>
        <translation>Alle Samples exportieren nach</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Earlier export</source>
        <translation>Früherer Export</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 already holds an earlier export (one image, %2). Replace it?</source>
        <translation>%1 enthält bereits einen früheren Export (ein Bild, %2). Ersetzen?</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 already holds an earlier export (%n images, %2 …). Replace it?</source>
        <translation>
            <numerusform>%1 enthält bereits einen früheren Export (%n Bild, %2 …). Ersetzen?</numerusform>
            <numerusform>%1 enthält bereits einen früheren Export (%n Bilder, %2 …). Ersetzen?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing exported: the folder keeps its earlier export.</source>
        <translation>Nichts exportiert: Der Ordner behält seinen früheren Export.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exported the samples to %1</source>
        <translation>Samples nach %1 exportiert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export the reverse-process strip</source>
        <translation>Bildstreifen des Rückwärtsprozesses exportieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export the reverse process as GIF</source>
        <translation>Rückwärtsprozess als GIF exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GIF animations (*.gif)</source>
        <translation>GIF-Animationen (*.gif)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export the reverse process as WebP</source>
        <translation>Rückwärtsprozess als WebP exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WebP animations (*.webp)</source>
        <translation>WebP-Animationen (*.webp)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export the forward-process strip</source>
        <translation>Bildstreifen des Vorwärtsprozesses exportieren</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export the loss history</source>
        <translation>Verlustverlauf exportieren</translation>
    </message>
    <message>
        <location filename="../app/studio/mainwindow.cpp" line="+0"/>
        <location filename="../app/studio/menus.cpp" line="+0"/>
        <location line="+8"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location filename="../app/studio/menus.cpp" line="-4"/>
        <source>Export the loss chart</source>
        <translation>Verlustdiagramm exportieren</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Language</source>
        <translation>S&amp;prache</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;About DDPM Studio</source>
        <translation>Ü&amp;ber DDPM Studio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location filename="../app/studio/mainwindow.cpp" line="+45"/>
        <source>the data set is still loading</source>
        <translation>der Datensatz wird noch geladen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Class-conditional model</source>
        <translation>Klassenkonditioniertes Modell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A class-conditional model cannot be made on this data set: %1. The new model is unconditional.</source>
        <translation>Auf diesem Datensatz kann kein klassenkonditioniertes Modell erstellt werden: %1. Das neue Modell ist unkonditioniert.</translation>
    </message>
    <message>
        <location filename="../app/studio/menus.cpp" line="+78"/>
        <source>The demo model is not installed (models/fashion-mnist-demo.ckpt).</source>
        <translation>Das Demo-Modell ist nicht installiert (models/fashion-mnist-demo.ckpt).</translation>
    </message>
    <message>
        <location filename="../app/studio/mainwindow.cpp" line="+14"/>
        <source>A model is saved as a .ckpt file; “%1” would look like a .%2 file. Give the name without .%2 (or with .ckpt).</source>
        <translation>Ein Modell wird als .ckpt-Datei gespeichert; „%1“ sähe aus wie eine .%2-Datei. Geben Sie den Namen ohne .%2 (oder mit .ckpt) an.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saving %1…</source>
        <translation>%1 wird gespeichert…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Loading %1…</source>
        <translation>%1 wird geladen…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A model is being opened; Start when it is there.</source>
        <translation>Ein Modell wird geöffnet; Start, sobald es da ist.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Training starts once the data set is loaded.</source>
        <translation>Das Training beginnt, sobald der Datensatz geladen ist.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose a data set first.</source>
        <translation>Wählen Sie zuerst einen Datensatz.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This model is class-conditional, and %1 has no labels. Give it a data set with labels (an image folder with one subfolder per class), or start a model without classes (untick Class-conditional).</source>
        <translation>Dieses Modell ist klassenkonditioniert, und %1 hat keine Labels. Geben Sie ihm einen Datensatz mit Labels (einen Bildordner mit einem Unterordner je Klasse) oder beginnen Sie ein Modell ohne Klassen („Klassenkonditioniert“ abwählen).</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Training a copy of %1; the file itself stays as it is.</source>
        <translation>Eine Kopie von %1 wird trainiert; die Datei selbst bleibt unverändert.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Training shares the CPU with the sampling going on: its first steps are slow, and it speeds up when that ends.</source>
        <translation>Das Training teilt sich die CPU mit dem laufenden Sampling: Die ersten Schritte sind langsam, es wird schneller, sobald das Sampling endet.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>There is no model to measure.</source>
        <translation>Es gibt kein Modell zum Messen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The sampler asks for more steps than this model&apos;s T = %1 diffusion steps.</source>
        <translation>Der Sampler verlangt mehr Schritte als die T = %1 Diffusionsschritte dieses Modells.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>the new model</source>
        <translation>das neue Modell</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quality is measured for grey Fashion-MNIST-like models; this model makes colour images.</source>
        <translation>Die Qualität wird für Graustufenmodelle nach Art von Fashion-MNIST gemessen; dieses Modell erzeugt Farbbilder.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The quality classifier is not installed (%1).</source>
        <translation>Der Qualitätsklassifikator ist nicht installiert (%1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quality is measured against the Fashion-MNIST test images; install the dataset-fashion-mnist package.</source>
        <translation>Die Qualität wird an den Fashion-MNIST-Testbildern gemessen; installieren Sie das Paket dataset-fashion-mnist.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Opened %1 at step %2</source>
        <translation>%1 bei Schritt %2 geöffnet</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>DDPM Studio</source>
        <translation>DDPM Studio</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1%2 — DDPM Studio</source>
        <translation>%1%2 — DDPM Studio</translation>
    </message>
    <message>
        <location filename="../app/studio/menus.cpp" line="+127"/>
        <source>Device: %1</source>
        <translation>Gerät: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Precision: %1</source>
        <translation>Rechengenauigkeit: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Model: %1, %L2 parameters</source>
        <translation>Modell: %1, %L2 Parameter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Step %L1</source>
        <translation>Schritt %L1</translation>
    </message>
    <message>
        <location line="-82"/>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Still writing the last export; try again when it is done.</source>
        <translation>Der letzte Export wird noch geschrieben; versuchen Sie es erneut, wenn er fertig ist.</translation>
    </message>
    <message>
        <location line="-117"/>
        <source>Writing %1</source>
        <translation>%1 wird geschrieben</translation>
    </message>
    <message>
        <location line="-313"/>
        <source>Start a new model from another model&apos;s weights</source>
        <translation>Ein neues Modell mit den Gewichten eines anderen Modells beginnen</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Follow a training run: its checkpoint or its log</source>
        <translation>Trainingslauf folgen: sein Prüfpunkt oder sein Protokoll</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checkpoints and training logs (*.ckpt *.csv);;DDPM checkpoints (*.ckpt);;Training logs (*.csv)</source>
        <translation>Prüfpunkte und Trainingsprotokolle (*.ckpt *.csv);;DDPM-Prüfpunkte (*.ckpt);;Trainingsprotokolle (*.csv)</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>The checkpoint the run of %1 writes</source>
        <translation>Der Prüfpunkt, den der Lauf von %1 schreibt</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>Watch a run that trains elsewhere (ddpm train with --save-every, on a server or in another process): its checkpoint is opened again each time the run writes it, read-only, and its log (--log, the same name ending in .csv) brings the loss chart up to the step the run is at</source>
        <translation>Einen Lauf beobachten, der anderswo trainiert (ddpm train mit --save-every, auf einem Server oder in einem anderen Prozess): Sein Prüfpunkt wird jedes Mal schreibgeschützt neu geöffnet, wenn der Lauf ihn schreibt, und sein Protokoll (--log, derselbe Name mit der Endung .csv) führt das Verlustdiagramm bis zum aktuellen Schritt des Laufs fort</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>The folder %1 does not exist, so no run writes %2 there.</source>
        <translation>Den Ordner %1 gibt es nicht, also schreibt dort kein Lauf %2.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Following %1 in %2: it opens once the run writes it.</source>
        <translation>%1 in %2 wird verfolgt: Die Datei öffnet sich, sobald der Lauf sie schreibt.</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>&amp;Sample grid as PNG…</source>
        <translation>&amp;Sample-Raster als PNG…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Every sample as PNG into a folder…</source>
        <translation>&amp;Alle Samples einzeln als PNG in einen Ordner…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;Reverse-process strip as PNG…</source>
        <translation>Bildstreifen des &amp;Rückwärtsprozesses als PNG…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reverse process as animated &amp;GIF…</source>
        <translation>Rückwärtsprozess als animiertes &amp;GIF…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reverse process as animated &amp;WebP…</source>
        <translation>Rückwärtsprozess als animiertes &amp;WebP…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Forward-process strip as PNG…</source>
        <translation>Bildstreifen des &amp;Vorwärtsprozesses als PNG…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Loss history as CSV…</source>
        <translation>Verlustverlauf als &amp;CSV…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Loss &amp;chart as PNG…</source>
        <translation>Verlust&amp;diagramm als PNG…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Quality measurements as CSV…</source>
        <translation>&amp;Qualitätsmessungen als CSV…</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Writing %1…</source>
        <translation>%1 wird geschrieben…</translation>
    </message>
    <message>
        <location line="+132"/>
        <source>The new language applies the next time DDPM Studio starts.</source>
        <translation>Die neue Sprache wird beim nächsten Start von DDPM Studio wirksam.</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new language applies when DDPM Studio starts again. Restart now? (No: at the next start.)</source>
        <translation>Die neue Sprache gilt, wenn DDPM Studio neu startet. Jetzt neu starten? (Nein: beim nächsten Start.)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>About DDPM Studio</source>
        <translation>Über DDPM Studio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;DDPM Studio %1&lt;/h3&gt;&lt;p&gt;Train, watch and understand denoising diffusion probabilistic models (Ho, Jain and Abbeel, 2020).&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Qt&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;LibTorch&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Device&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;h3&gt;DDPM Studio %1&lt;/h3&gt;&lt;p&gt;Denoising Diffusion Probabilistic Models (Ho, Jain und Abbeel, 2020) trainieren, beobachten und verstehen.&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Qt&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;LibTorch&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Gerät&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
</context>
<context>
    <name>ModelDocument</name>
    <message>
        <location filename="../app/studio/document/modeldocument.cpp" line="+34"/>
        <source>Untitled model</source>
        <translation>Unbenanntes Modell</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 (demo, read-only)</source>
        <translation>%1 (Demo, schreibgeschützt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (a run&apos;s checkpoint, read-only)</source>
        <translation>%1 (Prüfpunkt eines Laufs, schreibgeschützt)</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Unsaved training</source>
        <translation>Nicht gespeichertes Training</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The model has training progress that is not saved (step %L1). Save it first?</source>
        <translation>Das Modell hat nicht gespeicherten Trainingsfortschritt (Schritt %L1). Zuerst speichern?</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save the model</source>
        <translation>Modell speichern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DDPM checkpoints (*.ckpt)</source>
        <translation>DDPM-Prüfpunkte (*.ckpt)</translation>
    </message>
</context>
<context>
    <name>NeighbourLookup</name>
    <message>
        <location filename="../app/studio/neighbourlookup.cpp" line="+28"/>
        <source>No nearest training images: %1</source>
        <translation>Keine nächstgelegenen Trainingsbilder: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Looking for the nearest training images of image %1: preparing the Fashion-MNIST reference first, once a session (the classifier describes its 70,000 images), %2 %…</source>
        <translation>Suche nach den nächstgelegenen Trainingsbildern von Bild %1: Zuerst wird die Fashion-MNIST-Referenz vorbereitet, einmal pro Sitzung (der Klassifikator beschreibt ihre 70.000 Bilder), %2 %…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Nearest training images</source>
        <translation>Nächstgelegene Trainingsbilder</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The images appear here once they are found.</source>
        <translation>Die Bilder erscheinen hier, sobald sie gefunden sind.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Looking for the nearest training images of image %1…</source>
        <translation>Suche nach den nächstgelegenen Trainingsbildern von Bild %1…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The quality thread has stopped.</source>
        <translation>Der Qualitäts-Thread wurde beendet.</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../app/studio/settings/preferencesdialog.cpp" line="+31"/>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All cores</source>
        <translation>Alle Kerne</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>CPU threads apply from the next training step, also during a run, and to the next sampling run. The device, the precision and the preview interval are set in the Training view.</source>
        <translation>CPU-Threads gelten ab dem nächsten Trainingsschritt, auch während eines Laufs, und für den nächsten Sampling-Lauf. Gerät, Rechengenauigkeit und Vorschauintervall werden in der Ansicht „Training“ eingestellt.</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>CPU threads for training and sampling on the CPU (this machine has one core).</source>
        <translation>CPU-Threads für Training und Sampling auf der CPU (dieser Rechner hat einen Kern).</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>CPU threads for training and sampling on the CPU (this machine has %n cores).</source>
        <translation>
            <numerusform>CPU-Threads für Training und Sampling auf der CPU (dieser Rechner hat %n Kern).</numerusform>
            <numerusform>CPU-Threads für Training und Sampling auf der CPU (dieser Rechner hat %n Kerne).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>CPU &amp;threads:</source>
        <translation>CPU-&amp;Threads:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export folder:</source>
        <translation>&amp;Exportordner:</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Default Export Folder</source>
        <translation>Standard-Exportordner</translation>
    </message>
</context>
<context>
    <name>QualityController</name>
    <message>
        <location filename="../app/studio/workers/qualityworker.cpp" line="+14"/>
        <source>measuring the sample quality</source>
        <translation>das Messen der Sample-Qualität</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The quality classifier is not installed (%1).</source>
        <translation>Der Qualitätsklassifikator ist nicht installiert (%1).</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Quality is measured against the Fashion-MNIST test images: %1</source>
        <translation>Die Qualität wird an den Fashion-MNIST-Testbildern gemessen: %1</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>The lookup was stopped.</source>
        <translation>Die Suche wurde angehalten.</translation>
    </message>
    <message>
        <location filename="../app/studio/workers/qualitycontroller.cpp" line="+93"/>
        <source>finding the nearest training images</source>
        <translation>das Suchen der nächstgelegenen Trainingsbilder</translation>
    </message>
</context>
<context>
    <name>QualityResults</name>
    <message>
        <location filename="../app/studio/document/qualityresults.cpp" line="+10"/>
        <source>There is no quality measurement yet: press Measure first.</source>
        <translation>Es gibt noch keine Qualitätsmessung: Klicken Sie zuerst auf „Messen“.</translation>
    </message>
</context>
<context>
    <name>QualityView</name>
    <message>
        <location filename="../app/studio/views/qualityview.cpp" line="+50"/>
        <source>DDPM, %L1 steps</source>
        <translation>DDPM, %L1 Schritte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DDIM, %L1 steps</source>
        <translation>DDIM, %L1 Schritte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, %L2 network evaluations</source>
        <translation>%1, %L2 Netzauswertungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, trailing timesteps</source>
        <translation>%1, nachlaufende Zeitschritte</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Samples to draw. The floor is measured with as many real training images, so the distance and its floor compare at one count. Below about %L1 samples (four times the classifier&apos;s %L2 features) both are mostly bias; more give a steadier number.</source>
        <translation>Anzahl der zu erzeugenden Samples. Die Untergrenze wird mit ebenso vielen echten Trainingsbildern gemessen, sodass Distanz und Untergrenze bei derselben Anzahl vergleichbar sind. Unter etwa %L1 Samples (dem Vierfachen der %L2 Merkmale des Klassifikators) sind beide überwiegend Verzerrung; mehr Samples ergeben einen stabileren Wert.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>DDIM (η = 0)</source>
        <translation>DDIM (η = 0)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DDPM (all steps)</source>
        <translation>DDPM (alle Schritte)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Where DDIM&apos;s S steps lie between T and 0: for a DDIM measurement and for the DDIM rows of the sweeps, whichever sampler the form shows</source>
        <translation>Wo die S Schritte von DDIM zwischen T und 0 liegen: für eine DDIM-Messung und für die DDIM-Zeilen der Messungen über mehrere Schrittzahlen oder Guidance-Werte, welchen Sampler das Formular auch zeigt</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+34"/>
        <source>Measure</source>
        <translation>Messen</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Draw the samples with these settings and compare them with the test images</source>
        <translation>Samples mit diesen Einstellungen erzeugen und mit den Testbildern vergleichen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Measure against steps</source>
        <translation>Für mehrere Schrittzahlen messen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>DDIM with %1 steps, DDPM with all steps, then DDIM with a Langevin corrector and annealed Langevin dynamics at about 100 and 250 network evaluations: the Fréchet distance and the time per image of each, in the chart</source>
        <translation>DDIM mit %1 Schritten, DDPM mit allen Schritten, dann DDIM mit Langevin-Korrektor und annealte Langevin-Dynamik bei etwa 100 und 250 Netzauswertungen: jeweils Fréchet-Distanz und Zeit pro Bild, im Diagramm</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Measure against guidance</source>
        <translation>Für mehrere Guidance-Werte messen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A class-conditional model: every class in equal shares at guidance w = %1, with the form&apos;s sampler: the Fréchet distance and the class agreement of each, in the Guidance chart</source>
        <translation>Ein klassenkonditioniertes Modell: jede Klasse zu gleichen Teilen bei Guidance w = %1, mit dem Sampler des Formulars: jeweils Fréchet-Distanz und Klassenübereinstimmung, im Diagramm „Guidance“</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+70"/>
        <source>Samples</source>
        <translation>Samples</translation>
    </message>
    <message>
        <location line="-69"/>
        <source>Sampler</source>
        <translation>Sampler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DDIM steps</source>
        <translation>DDIM-Schritte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DDIM timesteps</source>
        <translation>DDIM-Zeitschritte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>A classifier trained on the 60,000 Fashion-MNIST training images describes each sample by the features of its last hidden layer. The Fréchet distance compares their mean and covariance with those of the 10,000 test images; the floor is the same distance for as many real training images. A model that makes images like the real ones scores near the floor.</source>
        <translation>Ein mit den 60.000 Fashion-MNIST-Trainingsbildern trainierter Klassifikator beschreibt jedes Sample durch die Merkmale seiner letzten verborgenen Schicht. Die Fréchet-Distanz vergleicht deren Mittelwert und Kovarianz mit denen der 10.000 Testbilder; die Untergrenze ist dieselbe Distanz für ebenso viele echte Trainingsbilder. Ein Modell, das Bilder wie die echten erzeugt, erreicht einen Wert nahe der Untergrenze.</translation>
    </message>
    <message>
        <location line="+34"/>
        <location line="+44"/>
        <source>Quality against network evaluations</source>
        <translation>Qualität in Abhängigkeit von den Netzauswertungen</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>Guidance</source>
        <translation>Guidance</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nearest training images</source>
        <translation>Nächstgelegene Trainingsbilder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Likelihood bound</source>
        <translation>Likelihood-Schranke</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+136"/>
        <source>No measurement yet.</source>
        <translation>Noch keine Messung.</translation>
    </message>
    <message>
        <location line="-131"/>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The class the classifier gives each sample. A model that covers every mode makes each of the ten classes about 10% of the time.</source>
        <translation>Die Klasse, die der Klassifikator jedem Sample zuweist. Ein Modell, das alle Moden abdeckt, erzeugt jede der zehn Klassen in etwa 10 % der Fälle.</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+37"/>
        <location line="+183"/>
        <source>Fréchet distance</source>
        <translation>Fréchet-Distanz</translation>
    </message>
    <message>
        <location line="-216"/>
        <source>floor (real images)</source>
        <translation>Untergrenze (echte Bilder)</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+30"/>
        <source>seconds per image</source>
        <translation>Sekunden pro Bild</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>annealed Langevin</source>
        <translation>annealte Langevin-Dynamik</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>with a Langevin corrector</source>
        <translation>mit Langevin-Korrektor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DDIM, trailing timesteps</source>
        <translation>DDIM, nachlaufende Zeitschritte</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>network evaluations per image</source>
        <translation>Netzauswertungen pro Bild</translation>
    </message>
    <message>
        <location line="+66"/>
        <location line="+7"/>
        <source>No measurement of %1 yet.</source>
        <translation>Noch keine Messung für %1.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Measuring %1 sampler settings…</source>
        <translation>%1 Sampler-Einstellungen werden gemessen…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Measuring…</source>
        <translation>Messung läuft…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Setting %1 of %2: </source>
        <translation>Einstellung %1 von %2: </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%L1 of %L2 image-steps</source>
        <translation>%L1 von %L2 Bildschritten</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Preparing the Fashion-MNIST reference, once a session (the classifier describes its 70,000 images): %1 %</source>
        <translation>Die Fashion-MNIST-Referenz wird vorbereitet, einmal pro Sitzung (der Klassifikator beschreibt ihre 70.000 Bilder): %1 %</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Stopped: %1</source>
        <translation>Gestoppt: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Done.</source>
        <translation>Fertig.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>&lt;b&gt;%1&lt;/b&gt;, %L2 samples, the model at step %L3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;, %L2 Samples, Modell bei Schritt %L3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Floor (%L1 real training images)</source>
        <translation>Untergrenze (%L1 echte Trainingsbilder)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Distance ÷ floor</source>
        <translation>Distanz ÷ Untergrenze</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1× (below 1: at %L2 samples both distances are noisy; measure more samples before reading it)</source>
        <translation>%1× (unter 1: bei %L2 Samples sind beide Distanzen verrauscht; vor dem Deuten mit mehr Samples messen)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean classifier confidence</source>
        <translation>Mittlere Konfidenz des Klassifikators</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time per image</source>
        <translation>Zeit pro Bild</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every class</source>
        <translation>Jede Klasse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No class</source>
        <translation>Keine Klasse</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Class asked for, guidance w</source>
        <translation>Angeforderte Klasse, Guidance w</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Class agreement (the classifier&apos;s class is the one asked for)</source>
        <translation>Klassenübereinstimmung (die Klasse des Klassifikators ist die angeforderte)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Likely copies of training images (nearer than 99 % of test images are)</source>
        <translation>Wahrscheinliche Kopien von Trainingsbildern (näher, als es 99 % der Testbilder sind)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 % (threshold %2; the nearest sample at %3)</source>
        <translation>%1 % (Schwelle %2; das nächstgelegene Sample bei %3)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Outside 5–15%: the model makes this class too rarely or too often</source>
        <translation>Außerhalb von 5–15 %: Das Modell erzeugt diese Klasse zu selten oder zu oft</translation>
    </message>
</context>
<context>
    <name>ReverseRuns</name>
    <message>
        <location filename="../app/studio/document/reverseruns.cpp" line="+204"/>
        <source>x₀</source>
        <translation>x₀</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>t = %1</source>
        <translation>t = %1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>score s = −ε̂/√(1 − ᾱₜ)</source>
        <translation>Score s = −ε̂/√(1 − ᾱₜ)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>score s = −ε̂/√(1 − ᾱₜ), shown on ±%1</source>
        <translation>Score s = −ε̂/√(1 − ᾱₜ), dargestellt auf ±%1</translation>
    </message>
</context>
<context>
    <name>ReverseView</name>
    <message>
        <location filename="../app/studio/views/reverseform.cpp" line="+35"/>
        <source>DDPM, σ² = β̃ (posterior)</source>
        <translation>DDPM, σ² = β̃ (A-posteriori)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DDPM, σ² = β</source>
        <translation>DDPM, σ² = β</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DDIM</source>
        <translation>DDIM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annealed Langevin dynamics</source>
        <translation>Annealed-Langevin-Dynamik</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Langevin at one noise level</source>
        <translation>Langevin auf einem einzigen Rauschniveau</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The same steps at one small noise level only: the samples land in the modes, but in the wrong proportions — why the annealing matters</source>
        <translation>Dieselben Schritte nur auf einem einzigen kleinen Rauschniveau: Die Samples landen in den Moden, aber in falschen Anteilen — deshalb kommt es auf das Annealing an</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Langevin corrector after each step</source>
        <translation>Langevin-Korrektor nach jedem Schritt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Predictor–corrector (Song et al. 2021): after each DDPM or DDIM step, Langevin steps at the new noise level, their size set by the signal-to-noise ratio r</source>
        <translation>Prädiktor-Korrektor (Song et al. 2021): nach jedem DDPM- oder DDIM-Schritt Langevin-Schritte auf dem neuen Rauschniveau, deren Größe das Signal-Rausch-Verhältnis r festlegt</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The Langevin corrector&apos;s signal-to-noise ratio r: each of its steps has the size ε = 2 αₜ r² (1 − ᾱₜ) (Song et al. 2021)</source>
        <translation>Das Signal-Rausch-Verhältnis r des Langevin-Korrektors: Jeder seiner Schritte hat die Größe ε = 2 αₜ r² (1 − ᾱₜ) (Song et al. 2021)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>EMA weights</source>
        <translation>EMA-Gewichte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Raw weights</source>
        <translation>Rohgewichte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clip the predicted x₀ to [−1, 1]</source>
        <translation>Vorhergesagtes x₀ auf [−1, 1] begrenzen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sample</source>
        <translation>Erzeugen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Which image of the grid to fork, counted row by row from the top left</source>
        <translation>Welches Bild des Rasters verzweigt wird, zeilenweise von links oben gezählt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fork here</source>
        <translation>Hier verzweigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continue this image&apos;s xₜ several times, each with fresh noise, side by side: what they share is already decided at this t, what differs is still open (Ho et al. 2020, Figure 7). The forks draw their noise with the seed after the run&apos;s, so that it is not the noise the run itself went on with.</source>
        <translation>Das xₜ dieses Bildes mehrmals nebeneinander fortsetzen, jedes Mal mit frischem Rauschen: Was die Bilder gemeinsam haben, ist bei diesem t bereits entschieden, was sich unterscheidet, ist noch offen (Ho et al. 2020, Abbildung 7). Die Verzweigungen ziehen ihr Rauschen mit dem Seed nach dem des Laufs, damit es nicht das Rauschen ist, mit dem der Lauf selbst weiterging.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>DDIM timesteps</source>
        <translation>DDIM-Zeitschritte</translation>
    </message>
    <message>
        <location line="+136"/>
        <source>Fork once the run going on ends, or after Cancel: a fork would replace it</source>
        <translation>Verzweigen Sie, wenn der laufende Durchlauf endet, oder nach „Abbrechen“: Eine Verzweigung würde ihn ersetzen</translation>
    </message>
    <message>
        <location filename="../app/studio/views/reverseview.cpp" line="+140"/>
        <source>The network&apos;s score s = −ε̂/√(1 − ᾱₜ), the direction in which the noisy images&apos; density grows fastest: ε̂ is the score, scaled</source>
        <translation>Der Score des Netzes s = −ε̂/√(1 − ᾱₜ), die Richtung, in der die Dichte der verrauschten Bilder am schnellsten wächst: ε̂ ist der Score, skaliert</translation>
    </message>
    <message>
        <location filename="../app/studio/views/reverseform.cpp" line="-47"/>
        <source>This model has only its EMA weights (a file exported for sampling, or weights taken from another model): its raw weights are the same until it trains.</source>
        <translation>Dieses Modell hat nur seine EMA-Gewichte (eine zum Erzeugen exportierte Datei oder von einem anderen Modell übernommene Gewichte): seine Rohgewichte sind dieselben, bis es trainiert.</translation>
    </message>
    <message>
        <location filename="../app/studio/views/reverseview.cpp" line="+204"/>
        <source> — failed</source>
        <translation> — fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../app/studio/views/reverseform.cpp" line="-95"/>
        <source>Sampler</source>
        <translation>Sampler</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Langevin steps x ← x + (η/2) s + √η z with the network&apos;s score s = −ε̂/√(1 − ᾱₜ), at each noise level in turn from the noisiest (Song &amp; Ermon 2019)</source>
        <translation>Langevin-Schritte x ← x + (η/2) s + √η z mit dem Score des Netzes s = −ε̂/√(1 − ᾱₜ), nacheinander auf jedem Rauschniveau, beginnend beim am stärksten verrauschten (Song &amp; Ermon 2019)</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Method</source>
        <translation>Verfahren</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+120"/>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <location line="-118"/>
        <source>DDIM η</source>
        <translation>DDIM η</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Langevin steps per level</source>
        <translation>Langevin-Schritte pro Niveau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Class, guidance</source>
        <translation>Klasse, Guidance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weights</source>
        <translation>Gewichte</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Fork at the shown step</source>
        <translation>Beim angezeigten Schritt verzweigen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continuations</source>
        <translation>Fortsetzungen</translation>
    </message>
    <message>
        <location filename="../app/studio/views/reverseview.cpp" line="-243"/>
        <source>Press Sample to run the reverse process.</source>
        <translation>Klicken Sie auf „Erzeugen“, um den Rückwärtsprozess auszuführen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The run shown and the earlier ones kept: Fork here and Denoise from here do not lose the run they start from</source>
        <translation>Der angezeigte Lauf und die aufbewahrten früheren: „Hier verzweigen“ und „Ab hier entrauschen“ verlieren den Lauf nicht, von dem sie ausgehen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>step –</source>
        <translation>Schritt –</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Show the score</source>
        <translation>Score anzeigen</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>predicted clean image x̂₀</source>
        <translation>Bildvorhersage x̂₀</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../app/studio/views/reverseform.cpp" line="-13"/>
        <source>Corrector&apos;s SNR r</source>
        <translation>SNR r des Korrektors</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>Noise levels</source>
        <translation>Rauschstufen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rounds at the level</source>
        <translation>Runden auf der Stufe</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sample with the settings shown: a run with other settings replaces the one going on</source>
        <translation>Mit den angezeigten Einstellungen erzeugen: Ein Lauf mit anderen Einstellungen ersetzt den laufenden</translation>
    </message>
    <message>
        <location filename="../app/studio/views/reverseview.cpp" line="-108"/>
        <source>DDIM %L1</source>
        <translation>DDIM %L1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DDIM %L1, η = %2</source>
        <translation>DDIM %L1, η = %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, trailing</source>
        <translation>, nachlaufend</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>every class</source>
        <translation>jede Klasse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, w = %2</source>
        <translation>%1, w = %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>seed %1</source>
        <translation>Seed %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Done: x₀ after %L1 steps (%L2 network evaluations).</source>
        <translation>Fertig: x₀ nach %L1 Schritten (%L2 Netzauswertungen).</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>done · x₀</source>
        <translation>fertig · x₀</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>step %L1 of %L2 · t = %3</source>
        <translation>Schritt %L1 von %L2 · t = %3</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>xₜ</source>
        <translation>xₜ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>predicted noise ε̂</source>
        <translation>Rauschvorhersage ε̂</translation>
    </message>
    <message>
        <location line="+93"/>
        <source> — replaced</source>
        <translation> — ersetzt</translation>
    </message>
    <message>
        <location line="+67"/>
        <source> — cancelled</source>
        <translation> — abgebrochen</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>newest</source>
        <translation>neuester</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>1 run back</source>
        <translation>1 Lauf zurück</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%L1 runs back</source>
        <translation>%L1 Läufe zurück</translation>
    </message>
    <message>
        <location line="+15"/>
        <source> · one step in %L1 kept (memory budget %L2 MB)</source>
        <translation> · jeder %L1. Schritt behalten (Speicherbudget %L2 MB)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>At x₀ the run has ended: the score is taken at noisy xₜ only.</source>
        <translation>Bei x₀ ist der Lauf beendet: Der Score wird nur am verrauschten xₜ bestimmt.</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Step %L1 of %L2: the model sees xₜ at t = %3 and predicts x̂₀ and the noise ε̂.</source>
        <translation>Schritt %L1 von %L2: Das Modell sieht xₜ bei t = %3 und sagt x̂₀ und das Rauschen ε̂ vorher.</translation>
    </message>
    <message>
        <location line="-404"/>
        <source>Done: x₀ after %L1 steps.</source>
        <translation>Fertig: x₀ nach %L1 Schritten.</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Langevin %L1 × %L2</source>
        <translation>Langevin %L1 × %L2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Langevin at one level, %L1 × %L2</source>
        <translation>Langevin auf einem Rauschniveau, %L1 × %L2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>corrector × %L1</source>
        <translation>Korrektor × %L1</translation>
    </message>
    <message>
        <location line="+417"/>
        <source>At x₀ the run has ended: no noise is left to predict.</source>
        <translation>Bei x₀ ist der Lauf beendet: Es ist kein Rauschen mehr vorherzusagen.</translation>
    </message>
</context>
<context>
    <name>RunActions</name>
    <message>
        <location filename="../app/studio/views/runactions.cpp" line="+18"/>
        <source>Interpolate…</source>
        <translation>Interpolieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Walk between two images of this finished run: noised to t and mixed (Ho et al. 2020, Fig. 8), or inverted with DDIM and mixed spherically</source>
        <translation>Zwischen zwei Bildern dieses abgeschlossenen Laufs interpolieren: bis t verrauscht und gemischt (Ho et al. 2020, Abb. 8) oder mit DDIM invertiert und sphärisch gemischt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nearest training images</source>
        <translation>Nächstgelegene Trainingsbilder</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Is this image a copy? Its nearest Fashion-MNIST training images, in the quality classifier&apos;s features and in pixels, with their distances (the image to fork)</source>
        <translation>Ist dieses Bild eine Kopie? Seine nächstgelegenen Fashion-MNIST-Trainingsbilder, in den Merkmalen des Qualitätsklassifikators und in Pixeln, mit ihren Distanzen (für das zum Verzweigen gewählte Bild)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nearest training images are looked up among Fashion-MNIST&apos;s; this model trained on %1.</source>
        <translation>Die nächsten Trainingsbilder werden unter denen von Fashion-MNIST gesucht; dieses Modell wurde mit %1 trainiert.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 → %2 of the run</source>
        <translation>%1 → %2 des Laufs</translation>
    </message>
</context>
<context>
    <name>RunClock</name>
    <message>
        <location filename="../app/studio/views/runclock.cpp" line="+56"/>
        <source>%1 steps/s</source>
        <translation>%1 Schritte/s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>steps/s</source>
        <translation>Schritte/s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%L1 steps in %2 (%3)</source>
        <translation>%L1 Schritte in %2 (%3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stopped after %L1 of %L2 steps, %3</source>
        <translation>angehalten nach %L1 von %L2 Schritten, %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%L1 of %L2 steps done · %3 · %4 left</source>
        <translation>%L1 von %L2 Schritten erledigt · %3 · noch %4</translation>
    </message>
</context>
<context>
    <name>SamplingController</name>
    <message>
        <location filename="../app/studio/workers/samplingworker.cpp" line="+43"/>
        <source>sampling</source>
        <translation>das Sampling</translation>
    </message>
</context>
<context>
    <name>SamplingRuns</name>
    <message>
        <location filename="../app/studio/workers/samplingruns.cpp" line="+31"/>
        <source>There is no model to sample from yet.</source>
        <translation>Es gibt noch kein Modell, mit dem Samples erzeugt werden können.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sampling with the weights of step %1</source>
        <translation>Sampling mit den Gewichten von Schritt %1</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Already sampling with these settings; change one to start a new run.</source>
        <translation>Es wird bereits mit diesen Einstellungen erzeugt; ändern Sie eine davon, um einen neuen Lauf zu starten.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This image does not fit the model; load a data set of the model&apos;s size.</source>
        <translation>Dieses Bild passt nicht zum Modell; laden Sie einen Datensatz mit der Bildgröße des Modells.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Towards the image&apos;s own class, %1, with guidance w = %2 (the Reverse view&apos;s “Every class” would give each image another class).</source>
        <translation>Zur eigenen Klasse des Bildes, %1, mit Guidance w = %2 („Jede Klasse“ in der Ansicht Rückwärtsprozess gäbe jedem Bild eine andere Klasse).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>DDIM with η = 1 here: η = 0 adds no noise, so the %1 images would be the same.</source>
        <translation>Hier DDIM mit η = 1: η = 0 fügt kein Rauschen hinzu, die %1 Bilder wären also gleich.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Denoising the chosen image from t = %1 with the weights of step %2</source>
        <translation>Das gewählte Bild wird ab t = %1 mit den Gewichten von Schritt %2 entrauscht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Denoising the chosen image from t = %1 as %2 images, each with its own noise, with the weights of step %3</source>
        <translation>Das gewählte Bild wird ab t = %1 als %2 Bilder mit jeweils eigenem Rauschen mit den Gewichten von Schritt %3 entrauscht</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>These images do not fit the model; load a data set of the model&apos;s size.</source>
        <translation>Diese Bilder passen nicht zum Modell; laden Sie einen Datensatz mit der Bildgröße des Modells.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The images are of two classes (%1, %2): the walk is denoised without a class, so its ends can differ from them.</source>
        <translation>Die Bilder gehören zu zwei Klassen (%1, %2): Der Weg wird ohne Klasse entrauscht, daher können seine Enden von ihnen abweichen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The images&apos; classes are not known: the walk is denoised without a class, so its ends can differ from them.</source>
        <translation>Die Klassen der Bilder sind nicht bekannt: Der Weg wird ohne Klasse entrauscht, daher können seine Enden von ihnen abweichen.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Interpolating between images %1: both inverted with DDIM (η = 0, %2 steps) to the noise at t = T, mixed spherically in %3 steps of λ, and decoded, with the weights of step %4</source>
        <translation>Interpolation zwischen den Bildern %1: beide mit DDIM (η = 0, %2 Schritte) zum Rauschen bei t = T invertiert, in %3 Schritten von λ sphärisch gemischt und dekodiert, mit den Gewichten von Schritt %4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Interpolating between images %1 from t = %2, λ = 0 … 1 in %3 steps, with the weights of step %4</source>
        <translation>Interpolation zwischen den Bildern %1 ab t = %2, λ = 0 … 1 in %3 Schritten, mit den Gewichten von Schritt %4</translation>
    </message>
    <message>
        <location line="+29"/>
        <source> (DDIM with η = 1: η = 0 adds no noise, so the forks would not differ)</source>
        <translation> (DDIM mit η = 1: η = 0 fügt kein Rauschen hinzu, daher würden sich die Verzweigungen nicht unterscheiden)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Image %1 forked at t = %2 into %3 continuations, each with fresh noise%4</source>
        <translation>Bild %1 bei t = %2 in %3 Fortsetzungen verzweigt, jede mit frischem Rauschen%4</translation>
    </message>
</context>
<context>
    <name>SchedulesView</name>
    <message>
        <location filename="../app/studio/views/schedulesview.cpp" line="+45"/>
        <location line="+3"/>
        <location line="+2"/>
        <source>t</source>
        <translation>t</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>βₜ (log scale)</source>
        <translation>βₜ (log. Skala)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ᾱₜ</source>
        <translation>ᾱₜ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>log SNRₜ</source>
        <translation>log SNRₜ</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Diffusion steps T:</source>
        <translation>Diffusionsschritte T:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The same image and noise under each schedule</source>
        <translation>Dasselbe Bild und Rauschen unter jedem Rauschplan</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>t (dashed: the Data view&apos;s t = %1)</source>
        <translation>t (gestrichelt: das t der Datenansicht, %1)</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>At T = %L1 the %2 schedule leaves ᾱ_T at %3: x_T keeps %4 % of the image&apos;s amplitude (√ᾱ_T), while sampling starts from pure noise. Its β range is the paper&apos;s for T = 1,000.</source>
        <translation>Bei T = %L1 lässt der Rauschplan %2 ᾱ_T bei %3: x_T behält %4 % der Amplitude des Bilds (√ᾱ_T), während das Sampling bei reinem Rauschen beginnt. Sein β-Bereich ist der der Originalarbeit für T = 1.000.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>At T = %L1 the schedules %2 leave ᾱ_T up to %3: x_T keeps %4 % of the image&apos;s amplitude (√ᾱ_T), while sampling starts from pure noise. Their β range is the paper&apos;s for T = 1,000.</source>
        <translation>Bei T = %L1 lassen die Rauschpläne %2 ᾱ_T bis zu %3: x_T behält %4 % der Amplitude des Bilds (√ᾱ_T), während das Sampling bei reinem Rauschen beginnt. Ihr β-Bereich ist der der Originalarbeit für T = 1.000.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>, </source>
        <comment>between the names of schedules</comment>
        <translation>, </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>t = %1</source>
        <translation>t = %1</translation>
    </message>
</context>
<context>
    <name>ScoreController</name>
    <message>
        <location filename="../app/studio/workers/scorecontroller.cpp" line="+69"/>
        <source>training the 2-D model</source>
        <translation>das Trainieren des 2-D-Modells</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>sampling the 2-D model</source>
        <translation>das Sampling mit dem 2-D-Modell</translation>
    </message>
</context>
<context>
    <name>ScoreView</name>
    <message>
        <location filename="../app/studio/views/scoreview.cpp" line="+85"/>
        <source>Eight Gaussians on a ring</source>
        <translation>Acht Gaußverteilungen auf einem Ring</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Two moons</source>
        <translation>Zwei Halbmonde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Swiss roll</source>
        <translation>Swiss Roll</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Points you draw</source>
        <translation>Selbst gezeichnete Punkte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear the points</source>
        <translation>Punkte löschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click or drag on the plot to draw points.</source>
        <translation>Klicken oder ziehen Sie im Diagramm, um Punkte zu zeichnen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Train</source>
        <translation>Trainieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Algorithm 1 on the points: the MLP learns ε̂, i.e. the score of every noise level</source>
        <translation>Algorithmus 1 auf den Punkten: Das MLP lernt ε̂, also den Score jedes Rauschniveaus</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+36"/>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Press Train to see the loss of each step here.</source>
        <translation>Drücken Sie auf „Trainieren“, um hier den Verlust jedes Schritts zu sehen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ancestral (Algorithm 2)</source>
        <translation>Ancestral Sampling (Algorithmus 2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Predictor–corrector</source>
        <translation>Prädiktor-Korrektor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DDIM, η = 0 (probability flow)</source>
        <translation>DDIM, η = 0 (Wahrscheinlichkeitsfluss)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annealed Langevin dynamics</source>
        <translation>Annealed-Langevin-Dynamik</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Langevin at one noise level</source>
        <translation>Langevin auf einem einzigen Rauschniveau</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The Langevin corrector&apos;s signal-to-noise ratio r: each of its steps has the size ε = 2 αₜ r² (1 − ᾱₜ) (Song et al. 2021)</source>
        <translation>Das Signal-Rausch-Verhältnis r des Langevin-Korrektors: Jeder seiner Schritte hat die Größe ε = 2 αₜ r² (1 − ᾱₜ) (Song et al. 2021)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Use the exact score (the ring only)</source>
        <translation>Exakten Score verwenden (nur beim Ring)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sample</source>
        <translation>Erzeugen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Density qₜ</source>
        <translation>Dichte qₜ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learned score (black)</source>
        <translation>Gelernter Score (schwarz)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exact score (blue)</source>
        <translation>Exakter Score (blau)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data points</source>
        <translation>Datenpunkte</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Data and model</source>
        <translation>Daten und Modell</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Training steps</source>
        <translation>Trainingsschritte</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+6"/>
        <source>Particles</source>
        <translation>Partikel</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Sampler</source>
        <translation>Sampler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Levels (DDIM, Langevin)</source>
        <translation>Niveaus (DDIM, Langevin)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Langevin steps per level</source>
        <translation>Langevin-Schritte pro Niveau</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Training: step %L1 of %L2, loss %3</source>
        <translation>Training: Schritt %L1 von %L2, Verlust %3</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Training stopped after %L1 steps.</source>
        <translation>Training nach %L1 Schritten angehalten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trained for %L1 steps. Scrub t to compare the learned score with the truth, or sample particles.</source>
        <translation>%L1 Schritte lang trainiert. Verschieben Sie t, um den gelernten Score mit der Wahrheit zu vergleichen, oder erzeugen Sie Partikel.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>step %L1 of %L2 · t = %3</source>
        <translation>Schritt %L1 von %L2 · t = %3</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%L1 particles, %L2 network evaluations each%3.</source>
        <translation>%L1 Partikel, je %L2 Netzauswertungen%3.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source> %1 % of them lie within 3σ of a mode (the data: %2 %); by their nearest mode, the modes hold %3–%4 % each (the data: 12.5 %).</source>
        <translation> %1 % von ihnen liegen innerhalb von 3σ um einen Modus (die Daten: %2 %); nach ihrem nächsten Modus gezählt, enthalten die Modi je %3–%4 % (die Daten: 12,5 %).</translation>
    </message>
    <message>
        <location line="+214"/>
        <source>Sampling %L1 particles: %L2 network evaluations each…</source>
        <translation>Sampling von %L1 Partikeln: je %L2 Netzauswertungen…</translation>
    </message>
    <message>
        <location line="-239"/>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <location line="-115"/>
        <source>Corrector&apos;s SNR r</source>
        <translation>SNR r des Korrektors</translation>
    </message>
    <message>
        <location line="+121"/>
        <source>Sampling stopped.</source>
        <translation>Sampling angehalten.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source> of the exact score</source>
        <translation> des exakten Scores</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>t = %1</source>
        <translation>t = %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Draw points, then train.</source>
        <translation>Zeichnen Sie Punkte und trainieren Sie dann.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Train the model, then scrub t.</source>
        <translation>Trainieren Sie das Modell und verschieben Sie dann t.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>t = %1: ᾱₜ = %2, score scale 1/√(1 − ᾱₜ) = %3</source>
        <translation>t = %1: ᾱₜ = %2, Score-Skalierung 1/√(1 − ᾱₜ) = %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>t = 0: the data</source>
        <translation>t = 0: die Daten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> · learned score&apos;s mean relative error %1 %</source>
        <translation> · mittlerer relativer Fehler des gelernten Scores %1 %</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Draw at least two points first.</source>
        <translation>Zeichnen Sie zuerst mindestens zwei Punkte.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Training…</source>
        <translation>Training läuft…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Train the model first (or use the exact score of the ring).</source>
        <translation>Trainieren Sie zuerst das Modell (oder verwenden Sie den exakten Score des Rings).</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../app/studio/settings/settings.cpp" line="+85"/>
        <source>The settings cannot be saved to %1 (it is not a file that can be written): your choices last until DDPM Studio closes.</source>
        <translation>Die Einstellungen können nicht in %1 gespeichert werden (keine beschreibbare Datei): Ihre Auswahl gilt nur, bis DDPM Studio geschlossen wird.</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>linear</source>
        <translation>linear</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cosine</source>
        <translation>Kosinus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sigmoid</source>
        <translation>Sigmoid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>quadratic</source>
        <translation>quadratisch</translation>
    </message>
</context>
<context>
    <name>SpacingBox</name>
    <message>
        <location filename="../app/studio/views/spacingbox.cpp" line="+10"/>
        <source>Even, T … 1</source>
        <translation>Gleichmäßig, T … 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trailing, T … T/S</source>
        <translation>Nachlaufend, T … T/S</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DDIM&apos;s steps evenly spaced from T down to 1, both ends kept: the last step goes from t = 1, where almost no noise is left, to x₀</source>
        <translation>DDIMs Schritte gleichmäßig von T bis 1, beide Enden eingeschlossen: Der letzte Schritt geht von t = 1, wo kaum noch Rauschen übrig ist, zu x₀</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>DDIM&apos;s steps at T, T − T/S, …, T/S: each spans T/S timesteps, the last from t = T/S (Lin et al. 2024)</source>
        <translation>DDIMs Schritte bei T, T − T/S, …, T/S: Jeder umfasst T/S Zeitschritte, der letzte ab t = T/S (Lin et al. 2024)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Where DDIM&apos;s S steps lie between T and 0</source>
        <translation>Wo DDIMs S Schritte zwischen T und 0 liegen</translation>
    </message>
</context>
<context>
    <name>TimestepScrubber</name>
    <message>
        <location filename="../widgets/timestepscrubber.cpp" line="+35"/>
        <source> fps</source>
        <translation> fps</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Playback speed in frames per second</source>
        <translation>Wiedergabegeschwindigkeit in Bildern pro Sekunde</translation>
    </message>
    <message>
        <location line="+208"/>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause (Space)</source>
        <translation>Pausieren (Leertaste)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Play (Space)</source>
        <translation>Abspielen (Leertaste)</translation>
    </message>
</context>
<context>
    <name>TrainingController</name>
    <message>
        <location filename="../app/studio/workers/trainingworker.cpp" line="+56"/>
        <source>creating the model</source>
        <translation>das Erstellen des Modells</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>opening %1</source>
        <translation>das Öffnen von „%1“</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>saving %1</source>
        <translation>das Speichern von „%1“</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+66"/>
        <location line="+34"/>
        <source>copying the model</source>
        <translation>das Kopieren des Modells</translation>
    </message>
    <message>
        <location line="-85"/>
        <source>drawing the preview samples</source>
        <translation>das Erzeugen der Vorschau-Samples</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>training</source>
        <translation>das Training</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>preparing the data set</source>
        <translation>das Vorbereiten des Datensatzes</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The data set does not fit the model yet (image size or channels): it is being read again at the model&apos;s size. Press Start when it is in.</source>
        <translation>Der Datensatz passt noch nicht zum Modell (Bildgröße oder Kanäle): Er wird in der Größe des Modells neu eingelesen. Drücken Sie „Starten“, sobald er geladen ist.</translation>
    </message>
    <message>
        <location filename="../app/studio/mainwindow.cpp" line="-188"/>
        <location filename="../app/studio/workers/trainingworker.cpp" line="+13"/>
        <source>The model cannot train on this data set: %1</source>
        <translation>Das Modell kann mit diesem Datensatz nicht trainieren: %1</translation>
    </message>
    <message>
        <location filename="../app/studio/workers/trainingworker.cpp" line="+19"/>
        <source>The model cannot be moved to %1: no temporary file can be written (%2).</source>
        <translation>Das Modell kann nicht auf %1 verschoben werden: Es kann keine temporäre Datei geschrieben werden (%2).</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>There is no model to train.</source>
        <translation>Es gibt kein Modell zum Trainieren.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The data set is still loading; press Start when it is in.</source>
        <translation>Der Datensatz wird noch geladen; drücken Sie „Starten“, sobald er geladen ist.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>moving the model to %1</source>
        <translation>das Verschieben des Modells auf %1</translation>
    </message>
    <message>
        <location filename="../app/studio/workers/trainingcontroller.cpp" line="+216"/>
        <source>The model has already reached step %L1; raise the number of steps to continue.</source>
        <translation>Das Modell hat Schritt %L1 bereits erreicht; erhöhen Sie die Anzahl der Schritte, um fortzufahren.</translation>
    </message>
    <message>
        <location filename="../app/studio/workers/trainingworker.cpp" line="-195"/>
        <source>There is no model to save.</source>
        <translation>Es gibt kein Modell zum Speichern.</translation>
    </message>
</context>
<context>
    <name>TrainingView</name>
    <message>
        <location filename="../app/studio/views/trainingview.cpp" line="+88"/>
        <source>tiny (16×16 grey, 0.18 M parameters)</source>
        <translation>tiny (16×16 Graustufen, 0,18 Mio. Parameter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reference (32×32 grey, 1.6 M parameters)</source>
        <translation>reference (32×32 Graustufen, 1,6 Mio. Parameter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cifar (32×32 colour, 35.7 M parameters)</source>
        <translation>cifar (32×32 Farbe, 35,7 Mio. Parameter)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CUDA GPU</source>
        <translation>CUDA-GPU</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <location line="-26"/>
        <location line="+28"/>
        <source> steps</source>
        <translation> Schritte</translation>
    </message>
    <message>
        <location line="-79"/>
        <source>Automatic (bf16 mixed on this CPU)</source>
        <translation>Automatisch (auf dieser CPU bf16 gemischt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Automatic (fp32 on this CPU)</source>
        <translation>Automatisch (auf dieser CPU fp32)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>fp32</source>
        <translation>fp32</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bf16 mixed</source>
        <translation>bf16 gemischt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bf16 mixed computes the convolutions and attention in bfloat16, about 1.3× faster on CPUs with AVX512-BF16 or AMX, and keeps the weights, optimizer, normalisation and loss in fp32. Checkpoints always hold fp32 weights. Automatic picks bf16 where the hardware computes it fast.</source>
        <translation>„bf16 gemischt“ berechnet Faltungen und Attention in bfloat16, auf CPUs mit AVX512-BF16 oder AMX etwa 1,3× schneller, und behält Gewichte, Optimierer, Normalisierung und Verlust in fp32. Prüfpunkte enthalten immer fp32-Gewichte. „Automatisch“ wählt bf16, wo die Hardware es schnell berechnet.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Class-conditional</source>
        <translation>Klassenkonditioniert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The network is also given each image&apos;s class (Fashion-MNIST&apos;s ten, CIFAR-10&apos;s, the shapes&apos;, or an image folder&apos;s subfolders), and 10 % of the time no class, so that one model can draw a chosen class and be guided towards it (classifier-free guidance). Changing it starts a new model.</source>
        <translation>Das Netz erhält zusätzlich die Klasse jedes Bildes (die zehn von Fashion-MNIST, die von CIFAR-10, die der Formen oder die Unterordner eines Bildordners) und in 10 % der Fälle keine Klasse, sodass ein einziges Modell eine gewählte Klasse erzeugen und per Guidance zu ihr gelenkt werden kann (klassifikatorfreie Guidance). Eine Änderung startet ein neues Modell.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The learning rate rises linearly from 0 over these first steps.</source>
        <translation>Die Lernrate steigt in diesen ersten Schritten linear von 0 an.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Where the model trains. A change applies at the next Start: the model moves there with its optimizer state. Sampling runs where the model is.</source>
        <translation>Wo das Modell trainiert wird. Eine Änderung wird beim nächsten Start wirksam: Das Modell wird samt Optimiererzustand dorthin verschoben. Das Sampling läuft dort, wo sich das Modell befindet.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Training steps between two preview samples. Sampling a preview pauses training briefly, so a small interval slows training down.</source>
        <translation>Trainingsschritte zwischen zwei Vorschau-Samples. Das Erzeugen einer Vorschau unterbricht das Training kurz, daher verlangsamt ein kleines Intervall das Training.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+269"/>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <location line="-268"/>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Hyper-parameters</source>
        <translation>Hyperparameter</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Model preset</source>
        <translation>Modellvoreinstellung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Batch size</source>
        <translation>Stapelgröße</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warm-up</source>
        <translation>Aufwärmphase</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+335"/>
        <source>EMA decay</source>
        <translation>EMA-Abklingrate</translation>
    </message>
    <message>
        <location line="-334"/>
        <source>Noise schedule</source>
        <translation>Rauschplan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Precision</source>
        <translation>Rechengenauigkeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preview every</source>
        <translation>Vorschau alle</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The loss of each training step appears here once you press Start.</source>
        <translation>Der Verlust jedes Trainingsschritts erscheint hier, sobald Sie auf Start drücken.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Log scale</source>
        <translation>Logarithmische Skala</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reset zoom</source>
        <translation>Zoom zurücksetzen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The average reaches back about %L1 steps</source>
        <translation>Der Mittelwert reicht etwa %L1 Schritte zurück</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No smoothing</source>
        <translation>Keine Glättung</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Loss (drag to zoom)</source>
        <translation>Verlust (zum Zoomen ziehen)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Smoothing</source>
        <translation>Glättung</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Loss per timestep bin over training</source>
        <translation>Verlust pro Zeitschritt-Bereich im Trainingsverlauf</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+200"/>
        <source>Samples appear here while training</source>
        <translation>Hier erscheinen während des Trainings Samples</translation>
    </message>
    <message>
        <location line="-198"/>
        <source>Samples from fixed noise (EMA weights)</source>
        <translation>Samples aus festem Rauschen (EMA-Gewichte)</translation>
    </message>
    <message>
        <location line="+174"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Drawing samples at step %L1…</source>
        <translation>Samples bei Schritt %L1 werden gezogen…</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>The next Start cannot train on %1: %2.</source>
        <translation>Der nächste Start kann nicht mit „%1“ trainieren: %2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The model was trained on %1; the next Start goes on with %2.</source>
        <translation>Das Modell wurde mit „%1“ trainiert; der nächste Start macht mit „%2“ weiter.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Step %L1</source>
        <translation>Schritt %L1</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>batch size</source>
        <translation>Stapelgröße</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>warm-up</source>
        <translation>Aufwärmphase</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Changed: %1. Applies at the next Start.</source>
        <translation>Geändert: %1. Wird beim nächsten Start wirksam.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The next Start cannot use this device: %1.</source>
        <translation>Der nächste Start kann dieses Gerät nicht verwenden: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The model moves to %1 at the next Start.</source>
        <translation>Das Modell wird beim nächsten Start auf %1 verschoben.</translation>
    </message>
    <message>
        <location filename="../app/studio/views/follownote.cpp" line="+20"/>
        <source>Following %1: waiting for the run to write it.</source>
        <translation>%1 wird verfolgt: Der Lauf hat die Datei noch nicht geschrieben.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Following %1, written %2 ago. Start trains a copy here; the run&apos;s file stays as it is.</source>
        <translation>%1 wird verfolgt, zuletzt vor %2 geschrieben. „Starten“ trainiert hier eine Kopie; die Datei des Laufs bleibt, wie sie ist.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Following %1: nothing written for %2; the run may have stopped.</source>
        <translation>%1 wird verfolgt: Seit %2 nichts geschrieben; der Lauf ist vielleicht beendet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Following %1: the run finished at step %L2.</source>
        <translation>%1 wird verfolgt: Der Lauf ist bei Schritt %L2 fertig.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Following %1: the file is gone; it opens again when the run writes it.</source>
        <translation>%1 wird verfolgt: Die Datei ist fort; sie öffnet sich wieder, sobald der Lauf sie schreibt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Following %1: the checkpoint last written cannot be opened: %2</source>
        <translation>%1 wird verfolgt: Der zuletzt geschriebene Checkpoint lässt sich nicht öffnen: %2</translation>
    </message>
    <message>
        <location filename="../app/studio/views/trainingview.cpp" line="+78"/>
        <source>&lt;table cellspacing=&apos;3&apos;&gt;&lt;tr&gt;&lt;td&gt;Step&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;&lt;b&gt;%1&lt;/b&gt; / %2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Loss&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Learning rate&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Steps/s&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Images/s&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Elapsed&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;%7&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;ETA&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;%8&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table cellspacing=&apos;3&apos;&gt;&lt;tr&gt;&lt;td&gt;Schritt&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;&lt;b&gt;%1&lt;/b&gt; / %2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Verlust&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Lernrate&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Schritte/s&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Bilder/s&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Verstrichen&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;%7&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Restzeit&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;%8&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
</context>
</TS>
