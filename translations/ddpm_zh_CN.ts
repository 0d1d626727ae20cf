<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Animation</name>
    <message>
        <location filename="../app/common/animation.cpp" line="+40"/>
        <source>The animation&apos;s frames would be %1 × %2 pixels, and a WebP animation can be at most %3 pixels wide and high (a GIF %4).</source>
        <translation>动画的帧将为 %1 × %2 像素，而 WebP 动画的宽和高最多为 %3 像素（GIF 为 %4）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The animation&apos;s frames would be %1 × %2 pixels, and a GIF can be at most %3 pixels wide and high.</source>
        <translation>动画的帧将为 %1 × %2 像素，而 GIF 的宽和高最多为 %3 像素。</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>There are no frames to write.</source>
        <translation>没有可写入的帧。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All frames of an animation must have the same size.</source>
        <translation>动画的所有帧必须大小相同。</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>The GIF encoder could not start: %1</source>
        <translation>无法启动 GIF 编码器：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Encoding the GIF failed (%1).</source>
        <translation>GIF 编码失败（%1）。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Encoding the GIF failed: %1</source>
        <translation>GIF 编码失败：%1</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+96"/>
        <source>The WebP library is not the version this program was built with.</source>
        <translation>WebP 库的版本与构建本程序时所用的版本不一致。</translation>
    </message>
    <message>
        <location line="-89"/>
        <source>The WebP encoder could not start.</source>
        <translation>无法启动 WebP 编码器。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Encoding the WebP animation failed: %1</source>
        <translation>WebP 动画编码失败：%1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>This is not a GIF file.</source>
        <translation>这不是 GIF 文件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The GIF file is damaged.</source>
        <translation>GIF 文件已损坏。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>This is not a WebP animation.</source>
        <translation>这不是 WebP 动画。</translation>
    </message>
</context>
<context>
    <name>BackgroundWorker</name>
    <message>
        <location filename="../app/studio/workers/backgroundworker.cpp" line="+94"/>
        <source>a background task</source>
        <translation>执行后台任务</translation>
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
        <translation>区间 %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+140"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>No loss snapshots yet</source>
        <translation>尚无损失快照</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>training step</source>
        <translation>训练步</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, step %2: loss %3</source>
        <translation>%1，第 %2 步：损失 %3</translation>
    </message>
</context>
<context>
    <name>BoundController</name>
    <message>
        <location filename="../app/studio/workers/boundcontroller.cpp" line="+32"/>
        <source>measuring the likelihood bound</source>
        <translation>测量似然界</translation>
    </message>
</context>
<context>
    <name>BoundPanel</name>
    <message>
        <location filename="../app/studio/views/boundpanel.cpp" line="+26"/>
        <source>Held-out images measured; each costs one network evaluation per timestep</source>
        <translation>测量的留出图像数；每张图像在每个时间步需要一次网络评估</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Timesteps measured, spread over 1 … T (denser where the terms change fastest); the total is interpolated between them</source>
        <translation>测量的时间步数，分布在 1 … T 上（在各项变化最快处更密集）；总和在它们之间插值得到</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Measure the bound</source>
        <translation>测量下界</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>t</source>
        <translation>t</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>per dimension</source>
        <translation>每维</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The bound weights its terms very unequally: a few steps near t = 1 hold much of it. L_simple drops those weights and trains every t alike, so the network spends its capacity on the noisier levels, where the images&apos; content is decided: the paper found this gives better samples and a worse bound (Ho et al. 2020, §3.4 and §4.2).</source>
        <translation>下界对各项的加权极不均衡：t = 1 附近的少数几步就占了其中很大一部分。L_simple 去掉了这些权重，对每个 t 一视同仁地训练，因此网络把能力用在噪声更大的水平上，而图像的内容正是在这些水平上确定的：论文发现，这样得到的样本更好，下界却更差（Ho 等人，2020，§3.4 和 §4.2）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Images</source>
        <translation>图像数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timesteps</source>
        <translation>时间步数</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Measuring: timestep %L1 of %L2…</source>
        <translation>正在测量：第 %L1 个时间步（共 %L2 个）…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+33"/>
        <source>Measure the bound of the model on held-out images.</source>
        <translation>在留出图像上测量模型的下界。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open or train a model first.</source>
        <translation>请先打开或训练一个模型。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Measuring…</source>
        <translation>正在测量…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>bound&apos;s term Lₜ₋₁ (bits/dim)</source>
        <translation>下界的项 Lₜ₋₁（比特/维）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L_simple: ‖ε − ε̂‖² per dimension</source>
        <translation>L_simple：每维 ‖ε − ε̂‖²</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>± one standard error over the images measured (the interpolation between the timesteps aside): more images make it smaller.</source>
        <translation>± 所测图像上的一个标准误差（不计时间步之间的插值）：图像越多，误差越小。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;%1 bits/dim&lt;/b&gt; (the bound on −log p(x₀), estimated from %2 timesteps of %3 images of %4%5); L&lt;sub&gt;T&lt;/sub&gt;&amp;nbsp;%6, L&lt;sub&gt;0&lt;/sub&gt;&amp;nbsp;%7&amp;nbsp;bits/dim. &lt;i&gt;ddpm nll&lt;/i&gt; measures every timestep.</source>
        <translation>&lt;b&gt;%1 比特/维&lt;/b&gt;（−log p(x₀) 的上界，由来自 %4%5 的 %3 张图像在 %2 个时间步上估计得出）；L&lt;sub&gt;T&lt;/sub&gt;&amp;nbsp;%6，L&lt;sub&gt;0&lt;/sub&gt;&amp;nbsp;%7 比特/维。&lt;i&gt;ddpm nll&lt;/i&gt; 会测量每一个时间步。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>, which the model may have trained on</source>
        <translation>（模型可能在其上训练过）</translation>
    </message>
</context>
<context>
    <name>ClassName</name>
    <message>
        <location filename="../core/dataset.cpp" line="+420"/>
        <source>T-shirt/top</source>
        <translation>T恤/上衣</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Trouser</source>
        <translation>裤子</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pullover</source>
        <translation>套头衫</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dress</source>
        <translation>连衣裙</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Coat</source>
        <translation>外套</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sandal</source>
        <translation>凉鞋</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shirt</source>
        <translation>衬衫</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sneaker</source>
        <translation>运动鞋</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bag</source>
        <translation>包</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ankle boot</source>
        <translation>短靴</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>airplane</source>
        <translation>飞机</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>automobile</source>
        <translation>汽车</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bird</source>
        <translation>鸟</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>cat</source>
        <translation>猫</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>deer</source>
        <translation>鹿</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>dog</source>
        <translation>狗</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>frog</source>
        <translation>青蛙</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>horse</source>
        <translation>马</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ship</source>
        <translation>船</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>truck</source>
        <translation>卡车</translation>
    </message>
</context>
<context>
    <name>ClassPicker</name>
    <message>
        <location filename="../app/studio/views/classpicker.cpp" line="+29"/>
        <source>Classifier-free guidance w (Ho &amp; Salimans 2022): ε̃ = (1 + w) ε̂(x, t, class) − w ε̂(x, t, no class). w = 0 is the plain class-conditional model; larger w gives images more typical of the class and less varied. Some libraries write the same as s = 1 + w.</source>
        <translation>无分类器引导 w（Ho &amp; Salimans 2022）：ε̃ = (1 + w) ε̂(x, t, 类别) − w ε̂(x, t, 无类别)。w = 0 即普通的类别条件模型；w 越大，生成的图像越符合该类别的典型特征，多样性也越低。有些库将同一公式写作 s = 1 + w。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Every class</source>
        <translation>每个类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No class</source>
        <translation>无类别</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Which class the images are drawn from: one class, every class in equal shares (image i of class i mod K), or none (the unconditional model)</source>
        <translation>图像从哪个类别中抽取：单个类别、所有类别等份（第 i 张图像属于类别 i mod K），或无类别（无条件模型）</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>— (trained without classes)</source>
        <translation>—（训练时未使用类别）</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>This model was trained without classes: train one with “Class-conditional” (or ddpm train --conditional) to choose a class</source>
        <translation>此模型训练时未使用类别：请勾选“类别条件”（或使用 ddpm train --conditional）训练一个模型，即可选择类别</translation>
    </message>
</context>
<context>
    <name>CopiesPanel</name>
    <message>
        <location filename="../app/studio/views/copiespanel.cpp" line="+40"/>
        <source>Sample</source>
        <translation>生成的图像</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nearest training image
(features)</source>
        <translation>最相近的训练图像
（特征）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nearest training image
(pixels)</source>
        <translation>最相近的训练图像
（像素）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The samples nearest to a training image in the classifier&apos;s features, each beside that image and beside its nearest training image in pixels (distance over the 784 grey levels of 0–255). A copy sits at a distance near 0 in both.</source>
        <translation>在分类器特征上最接近某张训练图像的样本，每个样本旁边显示该训练图像，以及按像素计算与它最相近的训练图像（距离基于 784 个取值为 0–255 的灰度值）。副本在两者中的距离都接近 0。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Measure a model to see its samples nearest to the training images.</source>
        <translation>测量一个模型，即可查看其最接近训练图像的样本。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>This measurement has no training images to compare the samples with.</source>
        <translation>此次测量没有可与样本进行比较的训练图像。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 % of the %L2 samples lie nearer to a training image than 99 % of the test images do (threshold %3 in the classifier&apos;s features). The %L4 samples nearest to the training set:</source>
        <translation>%L2 个样本中有 %1 % 比 99% 的测试图像更接近某张训练图像（分类器特征上的阈值为 %3）。最接近训练集的 %L4 个样本：</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>sample %L1</source>
        <translation>样本 %L1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+4"/>
        <location line="+27"/>
        <source>training image %L1
distance %2</source>
        <translation>训练图像 %L1
距离 %2</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Image %1 and its %2 nearest training images, in the classifier&apos;s features and in pixels (Euclidean, grey levels 0–255). A copy would sit at a distance near 0 in both.</source>
        <translation>图像 %1 及其 %2 张最相近的训练图像，分别按分类器特征和像素计算（欧氏距离，灰度 0–255）。副本在两者中的距离都会接近 0。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>In features, %1 % of the test images lie farther than %2 from their nearest training image.</source>
        <translation>在特征空间中，%1% 的测试图像与其最近训练图像的距离大于 %2。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Images are numbered from 1 here; the ddpm command and its JSON count from 0.</source>
        <translation>此处图像从 1 开始编号；ddpm 命令及其 JSON 从 0 开始计数。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>image %1</source>
        <translation>图像 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1.</source>
        <translation>第 %1 个</translation>
    </message>
</context>
<context>
    <name>CurveChart</name>
    <message>
        <location filename="../widgets/curvechart.cpp" line="+30"/>
        <source>Marker</source>
        <translation>标记</translation>
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
        <translation>合成形状</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MNIST-style IDX folder %1</source>
        <translation>MNIST 格式的 IDX 文件夹 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>IDX file %1</source>
        <translation>IDX 文件 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CIFAR-10 %1</source>
        <translation>CIFAR-10 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Image folder %1</source>
        <translation>图像文件夹 %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>loading %1</source>
        <translation>加载“%1”</translation>
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
        <translation>合成形状</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MNIST-style IDX folder…</source>
        <translation>MNIST 格式的 IDX 文件夹…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IDX image file…</source>
        <translation>IDX 图像文件…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CIFAR-10 binary folder…</source>
        <translation>CIFAR-10 二进制文件夹…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder of PNG/JPEG images…</source>
        <translation>PNG/JPEG 图像文件夹…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Data set:</source>
        <translation>数据集：</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Forward process q(xₜ | x₀)</source>
        <translation>前向过程 q(xₜ | x₀)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Re-roll noise</source>
        <translation>重新生成噪声</translation>
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
        <translation>从此处开始去噪</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Interpolate with…</source>
        <translation>与另一图像插值…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source> images</source>
        <translation> 张图像</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>%1, T = %L2</source>
        <translation>%1，T = %L2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Noised and denoised with the model&apos;s schedule (%1): the Data view showed another one (%2) and now shows the model&apos;s.</source>
        <translation>使用模型的噪声调度（%1）加噪和去噪：数据视图原先显示的是另一个调度（%2），现在显示模型的调度。</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>%1×%2, padded to %3×%4</source>
        <translation>%1×%2，填充至 %3×%4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1×%2, scaled to %3×%4</source>
        <translation>%1×%2，缩放至 %3×%4</translation>
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
        <translation>噪声调度：</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Pixel values of xₜ against N(0, 1)</source>
        <translation>xₜ 的像素值与 N(0, 1) 的对比</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run the reverse process from this xₜ with the current model. The xₜ is made with the model&apos;s own schedule, the one it was trained on.</source>
        <translation>使用当前模型从此 xₜ 开始运行反向过程。此 xₜ 由模型自身的噪声调度（即训练时所用的调度）生成。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Walk from this image to another one: both noised to this t with the same noise, mixed in steps of λ from 0 to 1, and each mixture denoised with the same reverse noise (Ho et al. 2020, Fig. 8), or both inverted with DDIM to the noise at t = T and mixed there. At a small t the walk mixes the pixels; at a large t it passes through new images.</source>
        <translation>从此图像逐步过渡到另一张图像：两者用相同的噪声加噪到此 t，按 λ 从 0 到 1 逐步混合，每个混合结果再用相同的反向噪声去噪（Ho 等人，2020，图 8）；或者两者都用 DDIM 反演到 t = T 时的噪声，并在那里混合。t 较小时，插值只是混合像素；t 较大时，插值会经过新的图像。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Continue this one xₜ as several images side by side; each draws its own noise on the way down (DDIM with η = 0 draws none, so its images agree).</source>
        <translation>将这一个 xₜ 延续为并排的多张图像；每张图像在去噪途中各自抽取噪声（η = 0 的 DDIM 不抽取噪声，因此生成的图像相同）。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Open an IDX image file</source>
        <translation>打开 IDX 图像文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IDX files (*-ubyte *-ubyte.gz *.idx *.gz);;All files (*)</source>
        <translation>IDX 文件 (*-ubyte *-ubyte.gz *.idx *.gz);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a folder</source>
        <translation>选择文件夹</translation>
    </message>
    <message>
        <location line="+156"/>
        <source>grey</source>
        <translation>灰度</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>colour</source>
        <translation>彩色</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: one image, %2, %3</source>
        <translation>%1：1 张图像，%2，%3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %L2 images, %3, %4</source>
        <translation>%1：%L2 张图像，%3，%4</translation>
    </message>
    <message>
        <location line="+135"/>
        <source>t = 0: the clean image x₀</source>
        <translation>t = 0：干净图像 x₀</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>xₜ at t = %1 · %2</source>
        <translation>t = %1 时的 xₜ · %2</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../app/studio/settings/dialogs.cpp" line="+120"/>
        <source>&amp;Discard</source>
        <translation>放弃(&amp;D)</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>&amp;Follow</source>
        <translation>跟踪(&amp;F)</translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <location filename="../core/atomicfile.cpp" line="+130"/>
        <source>cannot write &apos;%1&apos;: it is a folder</source>
        <translation>无法写入“%1”：它是一个文件夹</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cannot replace &apos;%1&apos;: the file is write-protected (read-only, or not this user&apos;s to write)</source>
        <translation>不会替换 &apos;%1&apos;：该文件受写保护（只读，或当前用户无权写入）</translation>
    </message>
    <message>
        <location line="-20"/>
        <location line="+5"/>
        <location line="+46"/>
        <location line="+17"/>
        <location line="+37"/>
        <location filename="../core/tensorfile.cpp" line="+196"/>
        <source>cannot write &apos;%1&apos;: %2</source>
        <translation>无法写入“%1”：%2</translation>
    </message>
    <message>
        <location line="-90"/>
        <source>cannot write &apos;%1&apos;: it is not a regular file, a pipe or a terminal</source>
        <translation>无法写入“%1”：它既不是普通文件，也不是管道或终端</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>cannot write &apos;%1&apos;: &apos;%2&apos; is a file, not a folder</source>
        <translation>无法写入 &apos;%1&apos;：&apos;%2&apos; 是文件，不是文件夹</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot write &apos;%1&apos;: the folder &apos;%2&apos; does not exist</source>
        <translation>无法写入“%1”：文件夹“%2”不存在</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot write &apos;%1&apos;: the folder &apos;%2&apos; takes no new file (%3)</source>
        <translation>无法写入“%1”：文件夹“%2”中无法新建文件（%3）</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>cannot write &apos;%1&apos;: %2 (the previous file, if any, is unchanged)</source>
        <translation>无法写入“%1”：%2（原有文件如存在则保持不变）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cannot replace &apos;%1&apos;: %2</source>
        <translation>无法替换“%1”：%2</translation>
    </message>
    <message>
        <location filename="../core/tensorfile.cpp" line="-49"/>
        <source>&apos;%1&apos; is a folder, not a file</source>
        <translation>“%1”是文件夹，不是文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+315"/>
        <source>&apos;%1&apos; is not a regular file (a device, a pipe or a socket): it is not read</source>
        <translation>“%1”不是普通文件（而是设备、管道或套接字）：不会读取它</translation>
    </message>
    <message>
        <location line="-283"/>
        <source>cannot write &apos;%1&apos;: the tensor &apos;%2&apos; cannot be stored</source>
        <translation>无法写入“%1”：无法存储张量“%2”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot write &apos;%1&apos;: the tensor &apos;%2&apos; has a type this format lacks</source>
        <translation>无法写入“%1”：张量“%2”的类型不受此格式支持</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>&apos;%1&apos; is damaged or not a tensor file: %2</source>
        <translation>“%1”已损坏或不是张量文件：%2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>it is shorter than its header</source>
        <translation>文件比其文件头还短</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&apos;%1&apos; is truncated inside its header</source>
        <translation>“%1”在文件头内被截断</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>its header is nested too deeply</source>
        <translation>文件头嵌套过深</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>its header is not a JSON object</source>
        <translation>文件头不是 JSON 对象</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it names too many tensors</source>
        <translation>文件中列出的张量过多</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>its metadata is not an object</source>
        <translation>元数据不是对象</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a metadata value is not a string</source>
        <translation>某个元数据值不是字符串</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>&apos;%1&apos; is damaged: the entry of tensor &apos;%2&apos; is malformed</source>
        <translation>“%1”已损坏：张量“%2”的条目格式错误</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&apos;%1&apos; is truncated or damaged: its header claims %2 bytes, and the file holds %3 in all</source>
        <translation>&apos;%1&apos; 已截断或已损坏：其文件头声明 %2 字节，而文件总共只有 %3 字节</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>&apos;%1&apos; stores tensor &apos;%2&apos; in a type this program does not read</source>
        <translation>“%1”以本程序无法读取的类型存储张量“%2”</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&apos;%1&apos; is damaged: tensor &apos;%2&apos; is larger than the file</source>
        <translation>“%1”已损坏：张量“%2”比文件还大</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;%1&apos; is damaged: the bytes of tensor &apos;%2&apos; do not match its shape</source>
        <translation>“%1”已损坏：张量“%2”的字节数与其形状不符</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>its tensors overlap or leave gaps</source>
        <translation>张量之间有重叠或空隙</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>&apos;%1&apos; is damaged: its header has the key &quot;%2&quot; where its checksum&apos;s &quot;%3&quot; belongs</source>
        <translation>&apos;%1&apos; 已损坏：其头部在校验和 &quot;%3&quot; 的位置上是键 &quot;%2&quot;</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&apos;%1&apos; is damaged: its header does not match its checksum (a setting or a tensor&apos;s shape changed after the file was written; a deliberate edit must also remove &quot;ddpm.header_crc32&quot;)</source>
        <translation>&apos;%1&apos; 已损坏：文件头与其校验和不符（文件写入后某个设置或张量形状被改动；有意的修改必须同时删除 &quot;ddpm.header_crc32&quot;）</translation>
    </message>
    <message>
        <location line="+40"/>
        <location line="+131"/>
        <source>&apos;%1&apos; is truncated: tensor &apos;%2&apos; is cut short</source>
        <translation>“%1”已被截断：张量“%2”不完整</translation>
    </message>
    <message>
        <location line="-125"/>
        <location line="+130"/>
        <source>&apos;%1&apos; cannot be read: %2</source>
        <translation>无法读取“%1”：%2</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>&apos;%1&apos; holds no tensor &apos;%2&apos;</source>
        <translation>“%1”中没有张量“%2”</translation>
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
        <translation>无法打开“%1”：%2</translation>
    </message>
    <message>
        <location filename="../core/legacycheckpoint.cpp" line="+5"/>
        <location filename="../core/tensorfile.cpp" line="-268"/>
        <location line="+292"/>
        <source>cannot read &apos;%1&apos;</source>
        <translation>无法读取“%1”</translation>
    </message>
    <message>
        <location filename="../core/checkpoint.cpp" line="+8"/>
        <location line="+11"/>
        <location line="+83"/>
        <location filename="../core/legacycheckpoint.cpp" line="+3"/>
        <source>&apos;%1&apos; is not a DDPM Studio checkpoint</source>
        <translation>“%1”不是 DDPM Studio 检查点</translation>
    </message>
    <message>
        <location line="-86"/>
        <source>&apos;%1&apos; is a 2-D toy model (ddpm toy --save): open it with ddpm toy --load</source>
        <translation>&apos;%1&apos; 是二维玩具模型（ddpm toy --save）：请用 ddpm toy --load 打开</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../core/legacycheckpoint.cpp" line="+3"/>
        <source>&apos;%1&apos; is a checkpoint of format version %2; this program reads version %3</source>
        <translation>“%1”是格式版本 %2 的检查点；本程序只能读取版本 %3</translation>
    </message>
    <message>
        <location filename="../core/legacycheckpoint.cpp" line="-203"/>
        <source>&apos;%1&apos; is refused: its archive entry &apos;%2&apos; would unpack to %3 bytes</source>
        <translation>拒绝打开 &apos;%1&apos;：其归档条目 &apos;%2&apos; 解压后将达 %3 字节</translation>
    </message>
    <message>
        <location line="+209"/>
        <location filename="../core/tensorfile.cpp" line="-194"/>
        <source>&apos;%1&apos; is truncated: %2 of %3 bytes are there</source>
        <translation>“%1”已被截断：应有 %3 字节，实际只有 %2 字节</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../core/tensorfile.cpp" line="+3"/>
        <source>&apos;%1&apos; has unexpected bytes after the checkpoint</source>
        <translation>“%1”在检查点数据之后有多余的字节</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../core/tensorfile.cpp" line="+65"/>
        <source>&apos;%1&apos; is damaged: its checksum does not match its contents</source>
        <translation>“%1”已损坏：校验和与内容不符</translation>
    </message>
    <message>
        <location line="-225"/>
        <location line="+29"/>
        <location line="+207"/>
        <source>&apos;%1&apos; is damaged: its contents cannot be read</source>
        <translation>“%1”已损坏：无法读取其内容</translation>
    </message>
    <message>
        <location filename="../core/checkpoint.cpp" line="-252"/>
        <source>the %1 weights in &apos;%2&apos; do not match the model its configuration describes (%3)</source>
        <translation>“%2”中的 %1 权重与其配置所描述的模型不匹配（%3）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&apos;%1&apos; is damaged: its %2 weights hold values that are not numbers (%3)</source>
        <translation>&apos;%1&apos; 已损坏：其 %2 权重含有非数值（%3）</translation>
    </message>
    <message>
        <location line="+136"/>
        <location line="+4"/>
        <location line="+18"/>
        <location filename="../core/legacycheckpoint.cpp" line="-58"/>
        <source>the optimizer state in &apos;%1&apos; does not match the model (%2)</source>
        <translation>“%1”中的优化器状态与模型不匹配（%2）</translation>
    </message>
    <message>
        <location line="-4"/>
        <location filename="../core/legacycheckpoint.cpp" line="-13"/>
        <source>the optimizer state or step in &apos;%1&apos; cannot be read (%2)</source>
        <translation>无法读取“%1”中的优化器状态或步数（%2）</translation>
    </message>
    <message>
        <location filename="../core/modelfile.cpp" line="+143"/>
        <source>%1 is too large to read into this computer&apos;s memory</source>
        <translation>%1 太大，无法读入这台计算机的内存</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reading %1</source>
        <translation>读取 %1</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>cannot write the sampling checkpoint: %1</source>
        <translation>无法写入采样检查点：%1</translation>
    </message>
    <message>
        <location filename="../core/dataset.cpp" line="+11"/>
        <source>&apos;%1&apos; is damaged: the gzip data cannot be decompressed (%2)</source>
        <translation>“%1”已损坏：无法解压 gzip 数据（%2）</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../core/tensorfile.cpp" line="-266"/>
        <location line="+319"/>
        <source>&apos;%1&apos; is larger than the %2 MiB this program reads</source>
        <translation>“%1”超过了本程序可读取的 %2 MiB 上限</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&apos;%1&apos; is truncated or damaged (%2)</source>
        <translation>“%1”已被截断或损坏（%2）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 is not an IDX file: it is only %2 bytes long</source>
        <translation>%1 不是 IDX 文件：它只有 %2 字节</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is not an IDX file (wrong magic number)</source>
        <translation>%1 不是 IDX 文件（魔数错误）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 holds IDX data of type %2; only unsigned bytes (type 8) are supported</source>
        <translation>%1 包含类型为 %2 的 IDX 数据；仅支持无符号字节（类型 8）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 holds labels (one number per image), not images: give the images file (its name has &apos;images-idx3&apos;)</source>
        <translation>%1 包含的是标签（每张图像一个数字），而不是图像：请给出图像文件（其名称含 &apos;images-idx3&apos;）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 holds images, not labels: give the labels file (its name has &apos;labels-idx1&apos;)</source>
        <translation>%1 包含的是图像，而不是标签：请给出标签文件（其名称含 &apos;labels-idx1&apos;）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 has %2 dimensions: IDX images have 3 (count, height, width), labels 1</source>
        <translation>%1 有 %2 个维度：IDX 图像有 3 个（数量、高、宽），标签有 1 个</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is truncated inside its header</source>
        <translation>%1 在文件头内被截断</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 announces an impossible size (%2) in dimension %3</source>
        <translation>%1 在第 %3 维声明了不可能的大小（%2）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is truncated: its header announces %2 bytes of data but only %3 follow</source>
        <translation>%1 已被截断：文件头声明有 %2 字节数据，但其后只有 %3 字节</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 has %2 bytes more than its header announces: the sizes disagree</source>
        <translation>%1 比文件头声明的多出 %2 字节：大小不一致</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>&apos;%1&apos; has %2 labels for %3 images</source>
        <translation>“%1”中有 %3 张图像，却有 %2 个标签</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&apos;%1&apos; is a file: mnist: takes the folder that holds the IDX files (train-images-idx3-ubyte.gz …); for a single file, use idx:FILE</source>
        <translation>&apos;%1&apos; 是一个文件：mnist: 需要的是存放 IDX 文件（train-images-idx3-ubyte.gz …）的文件夹；单个文件请用 idx:FILE</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../core/dataspec.cpp" line="+220"/>
        <source>the folder &apos;%1&apos; does not exist</source>
        <translation>文件夹“%1”不存在</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&apos;%1&apos; has no %2 file, only test images: for those, name the split (mnist:%1:test)</source>
        <translation>&apos;%1&apos; 中没有 %2 文件，只有测试图像：要使用它们，请指明划分（mnist:%1:test）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;%1&apos; has no %2 file</source>
        <translation>“%1”中没有 %2 文件</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&apos;%1&apos; and &apos;%2&apos; hold images of different sizes (%3×%4 and %5×%6)</source>
        <translation>&apos;%1&apos; 与 &apos;%2&apos; 中的图像尺寸不同（%3×%4 与 %5×%6）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>no MNIST-style files (train-images-idx3-ubyte[.gz]) in &apos;%1&apos;</source>
        <translation>“%1”中没有 MNIST 格式的文件（train-images-idx3-ubyte[.gz]）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 is empty</source>
        <translation>%1 为空</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is not a CIFAR-10 binary batch: its size (%2 bytes) is not a whole number of 3073-byte records</source>
        <translation>%1 不是 CIFAR-10 二进制批次文件：其大小（%2 字节）不是 3073 字节记录的整数倍</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 is not a CIFAR-10 batch: record %2 has label %3 (labels are 0–9)</source>
        <translation>%1 不是 CIFAR-10 批次文件：第 %2 条记录的标签为 %3（标签应为 0–9）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>no CIFAR-10 training batches (data_batch_1.bin …) in &apos;%1&apos;, only test_batch.bin: for its images, name the split (cifar10:%1:test)</source>
        <translation>&apos;%1&apos; 中没有 CIFAR-10 训练批次（data_batch_1.bin …），只有 test_batch.bin：要使用其图像，请指明划分（cifar10:%1:test）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no CIFAR-10 binary batches (%1) in &apos;%2&apos;</source>
        <translation>&apos;%2&apos; 中没有 CIFAR-10 二进制批次（%1）</translation>
    </message>
    <message>
        <location filename="../core/dataspec.cpp" line="-19"/>
        <source>Fashion-MNIST is not installed (expected it in %1; on Debian: apt-get install dataset-fashion-mnist)</source>
        <translation>未安装 Fashion-MNIST（应位于 %1；在 Debian 上可运行：apt-get install dataset-fashion-mnist）</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>unknown Fashion-MNIST split &apos;%1&apos; (expected train, test or all)</source>
        <translation>未知 Fashion-MNIST 划分“%1”（应为 train、test 或 all）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unknown split &apos;%1&apos; of &apos;%2&apos; (expected train, test or all)</source>
        <translation>&apos;%2&apos; 的未知划分 &apos;%1&apos;（应为 train、test 或 all）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&apos;%1&apos; is one batch file: a split (:train, :test or :all) follows a folder of batches only</source>
        <translation>&apos;%1&apos; 是单个批次文件：划分（:train、:test 或 :all）只能跟在批次文件夹之后</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>image folders need the image readers of the ddpm command or the studio</source>
        <translation>读取图像文件夹需要 ddpm 命令或 Studio 提供的图像读取器</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the synthetic set takes a whole number of images between 1 and 1000000, not &apos;%1&apos;</source>
        <translation>合成数据集的图像数必须是 1 到 1000000 之间的整数，而不是 &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unknown data set &apos;%1&apos; (expected one of %2)</source>
        <translation>未知数据集 &apos;%1&apos;（应为以下之一：%2）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the data set is too large to hold in memory: %1 images of %2×%3×%3 would take %4 GiB, and at most %5 GiB are used</source>
        <translation>数据集太大，无法放入内存：%1 张 %2×%3×%3 的图像需要 %4 GiB，而最多使用 %5 GiB</translation>
    </message>
    <message>
        <location filename="../core/result.cpp" line="+13"/>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>permission denied</source>
        <translation>权限不足</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no such file or folder</source>
        <translation>文件或文件夹不存在</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the disk is read-only</source>
        <translation>磁盘为只读</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it is a folder</source>
        <translation>它是一个文件夹</translation>
    </message>
    <message>
        <location filename="../core/sampler.cpp" line="+30"/>
        <location filename="../core/toy2d.cpp" line="-30"/>
        <source>unknown sampler &apos;%1&apos; (expected one of %2)</source>
        <translation>未知采样器“%1”（可选：%2）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>unknown timestep spacing &apos;%1&apos; (expected one of %2)</source>
        <translation>未知时间步分布方式“%1”（可选：%2）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unknown corrector &apos;%1&apos; (expected one of %2)</source>
        <translation>未知校正器“%1”（可选：%2）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>unknown variance &apos;%1&apos; (expected one of %2)</source>
        <translation>未知方差类型“%1”（可选：%2）</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>annealed Langevin takes between 1 and %1 noise levels</source>
        <translation>退火 Langevin 的噪声级数须在 1 到 %1 之间</translation>
    </message>
    <message>
        <location line="+148"/>
        <source>this model was trained without classes: it cannot be asked for &apos;%1&apos;</source>
        <translation>此模型训练时未使用类别：无法请求“%1”</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no class &apos;%1&apos;: the model knows %2 (all, or none)</source>
        <translation>没有类别“%1”：模型已知的类别为 %2（另可用 all 或 none）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the guidance weight must be between 0 and %1</source>
        <translation>引导权重必须在 0 到 %1 之间</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>this model was trained without classes: it cannot be asked for one or guided</source>
        <translation>此模型训练时未使用类别：无法指定类别，也无法使用引导</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>there is no class %1: the model knows %2 (0 to %3)</source>
        <translation>没有类别 %1：模型共有 %2 个类别（0 到 %3）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>guidance needs a class to guide towards</source>
        <translation>引导需要一个目标类别</translation>
    </message>
    <message>
        <location filename="../core/schedule.cpp" line="+76"/>
        <source>unknown schedule &apos;%1&apos; (expected one of %2)</source>
        <translation>未知噪声调度“%1”（可选：%2）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the number of diffusion steps must be between 1 and %1, not %2</source>
        <translation>扩散步数必须在 1 到 %1 之间，而不是 %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>β must lie strictly between 0 and 1</source>
        <translation>β 必须严格介于 0 和 1 之间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>β_start must not be larger than β_end</source>
        <translation>β_start 不能大于 β_end</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>β_start %1 is too small: 1 − β rounds to 1, so the first step would add no noise</source>
        <translation>β_start %1 太小：1 − β 舍入为 1，第一步将不会加入噪声</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the cosine schedule needs s ≥ 0 and 0 &lt; β cap &lt; 1</source>
        <translation>cosine 噪声调度要求 s ≥ 0 且 0 &lt; β 上限 &lt; 1</translation>
    </message>
    <message>
        <location filename="../core/trainer.cpp" line="+96"/>
        <source>the data set is empty</source>
        <translation>数据集为空</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the data set&apos;s images do not have the model&apos;s size</source>
        <translation>数据集中的图像尺寸与模型不符</translation>
    </message>
    <message>
        <location filename="../core/config.cpp" line="+16"/>
        <source>the batch size must be between 1 and %1</source>
        <translation>批大小必须在 1 到 %1 之间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the learning rate must be above 0 and at most 1</source>
        <translation>学习率必须大于 0 且不超过 1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the warm-up cannot be negative</source>
        <translation>预热步数不能为负数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the warm-up must be at most %1 steps</source>
        <translation>预热最多 %1 步</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the EMA decay must be at least 0 and below 1</source>
        <translation>EMA 衰减率必须大于等于 0 且小于 1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the gradient clipping norm must be above 0</source>
        <translation>梯度裁剪范数必须大于 0</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the number of training steps must be between 0 and %1</source>
        <translation>训练步数必须在 0 到 %1 之间</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the share of examples without their class must be between 0 and 1</source>
        <translation>不带类别的样本所占比例必须在 0 到 1 之间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the number of loss bins must be between 1 and %1</source>
        <translation>损失区间数必须在 1 到 %1 之间</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>a class-conditional model needs a data set with labels of at least two classes (Fashion-MNIST, MNIST or IDX with a labels file, CIFAR-10, the synthetic shapes, or an image folder with one subfolder per class)</source>
        <translation>类别条件模型需要带有至少两个类别标签的数据集（Fashion-MNIST、带标签文件的 MNIST 或 IDX、CIFAR-10、合成形状，或每个类别一个子文件夹的图像文件夹）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>at most %1 classes</source>
        <translation>最多 %1 个类别</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>the data set&apos;s class %1 has no images: a class-conditional model needs images of every class</source>
        <translation>数据集的类别 %1 没有图像：类别条件模型需要每个类别的图像</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 of the data set&apos;s %2 classes have no images (%3): a class-conditional model needs images of every class</source>
        <translation>数据集的 %2 个类别中有 %1 个没有图像（%3）：类别条件模型需要每个类别的图像</translation>
    </message>
    <message>
        <location filename="../core/trainer.cpp" line="+96"/>
        <location line="+2"/>
        <source>training step %1</source>
        <translation>训练第 %1 步</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>no data set to train on</source>
        <translation>没有可用于训练的数据集</translation>
    </message>
    <message>
        <location line="-231"/>
        <source>the loss became NaN at step %1; training stopped and the model keeps the weights of step %2</source>
        <translation>损失在第 %1 步变为 NaN；训练已停止，模型保留第 %2 步的权重</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the loss became infinite at step %1; training stopped and the model keeps the weights of step %2</source>
        <translation>损失在第 %1 步变为无穷大；训练已停止，模型保留第 %2 步的权重</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>a class-conditional model needs a data set with labels; %1 has none (an image folder has them from one subfolder per class)</source>
        <translation>类别条件模型需要带标签的数据集；%1 没有标签（图像文件夹的标签来自每个类别一个子文件夹）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the data set&apos;s labels run to %1, beyond the model&apos;s %2 classes</source>
        <translation>数据集的标签最大为 %1，超出了模型的 %2 个类别</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the data set&apos;s classes (%1) are not the model&apos;s (%2): a class-conditional model trains on images of its own classes</source>
        <translation>数据集的类别（%1）不是模型的类别（%2）：类别条件模型只能用其自身类别的图像训练</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>copying the weights to every rank</source>
        <translation>向每个 rank 复制权重</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the batch of %1 does not split evenly over %2 ranks: --batch is the global batch, each rank takes an equal share</source>
        <translation>大小为 %1 的批次无法平均分配给 %2 个 rank：--batch 是全局批大小，每个 rank 分得相同的份额</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>the gradient became non-finite at step %1; training stopped and the model keeps the weights of step %2</source>
        <translation>梯度在第 %1 步变为非有限值；训练已停止，模型保留第 %2 步的权重</translation>
    </message>
    <message>
        <location line="+117"/>
        <source>the random generator&apos;s state in &apos;%1&apos; cannot be read (%2)</source>
        <translation>无法读取 &apos;%1&apos; 中的随机数生成器状态（%2）</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>a model can start from another one&apos;s weights only before its first step</source>
        <translation>模型只能在第一步之前从另一个模型的权重开始</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;%1&apos; cannot start this model: its %2 differs</source>
        <translation>“%1” 无法作为此模型的起点：其 %2 不同</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&apos;%1&apos; cannot start this model: it has no weights for %2</source>
        <translation>“%1” 无法作为此模型的起点：它没有 %2 的权重</translation>
    </message>
    <message>
        <location filename="../core/checkpoint.cpp" line="+62"/>
        <source>&apos;%1&apos; is empty (0 bytes): it holds no model</source>
        <translation>&apos;%1&apos; 是空文件（0 字节）：其中没有模型</translation>
    </message>
    <message>
        <location line="+142"/>
        <location filename="../core/modelfile.cpp" line="-82"/>
        <source>&apos;%1&apos; is incomplete: the setting &apos;%2&apos; is missing</source>
        <translation>“%1”不完整：缺少设置项“%2”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;%1&apos; is damaged: the setting &apos;%2&apos; holds the wrong kind of value</source>
        <translation>&apos;%1&apos; 已损坏：设置 &apos;%2&apos; 的值类型不对</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;%1&apos; is damaged: its setting %2 is far beyond any valid value</source>
        <translation>“%1”已损坏：其设置 %2 远远超出任何有效值</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;%1&apos; names an unknown schedule or prediction</source>
        <translation>“%1”指定了未知的噪声调度或预测目标</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;%1&apos; describes an invalid model: %2</source>
        <translation>“%1”描述的模型无效：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;%1&apos; describes an invalid schedule: %2</source>
        <translation>“%1”描述的噪声调度无效：%2</translation>
    </message>
    <message>
        <location line="-287"/>
        <location filename="../core/legacycheckpoint.cpp" line="-41"/>
        <location line="+2"/>
        <source>&apos;%1&apos; holds no %2 weights</source>
        <translation>“%1”中没有 %2 权重</translation>
    </message>
    <message>
        <location filename="../core/legacycheckpoint.cpp" line="-132"/>
        <source>&apos;%1&apos; is refused: its archive carries TorchScript code (&apos;%2&apos;), which would run when it is opened</source>
        <translation>已拒绝“%1”：其归档中包含 TorchScript 代码（“%2”），打开时会被执行</translation>
    </message>
    <message>
        <location filename="../core/checkpoint.cpp" line="+164"/>
        <source>&apos;%1&apos; is damaged: its settings cannot be read</source>
        <translation>“%1”已损坏：无法读取其设置</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>&apos;%1&apos; is a classifier, not a model checkpoint</source>
        <translation>“%1”是分类器，不是模型检查点</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>&apos;%1&apos; names %2 classes for a model of %3</source>
        <translation>“%1”指定了 %2 个类别名称，但模型有 %3 个类别</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;%1&apos; has invalid training settings: %2</source>
        <translation>“%1”的训练设置无效：%2</translation>
    </message>
    <message>
        <location filename="../core/modelfile.cpp" line="+2"/>
        <source>&apos;%1&apos; is damaged: its step count %2 is impossible</source>
        <translation>“%1”已损坏：其步数 %2 不可能</translation>
    </message>
    <message>
        <location filename="../core/trainer.cpp" line="-84"/>
        <source>cannot save the checkpoint: %1</source>
        <translation>无法保存检查点：%1</translation>
    </message>
    <message>
        <location filename="../core/checkpoint.cpp" line="-214"/>
        <location filename="../core/legacycheckpoint.cpp" line="+168"/>
        <source>&apos;%1&apos; holds no optimizer state</source>
        <translation>“%1”中没有优化器状态</translation>
    </message>
    <message>
        <location filename="../core/device.cpp" line="+18"/>
        <source>CUDA was asked for, but no CUDA device is available</source>
        <translation>已请求使用 CUDA，但没有可用的 CUDA 设备</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>unknown device &apos;%1&apos; (expected one of %2)</source>
        <translation>未知设备“%1”（可选：%2）</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>%1 ran out of memory (%2); try a smaller batch or a smaller model</source>
        <translation>%1时内存不足（%2）；请尝试减小批大小或使用更小的模型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 failed: %2</source>
        <translation>%1失败：%2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 failed for an unknown reason</source>
        <translation>%1因未知原因失败</translation>
    </message>
    <message>
        <location filename="../core/unet.cpp" line="+121"/>
        <source>unknown model preset &apos;%1&apos; (expected one of %2)</source>
        <translation>未知模型预设“%1”（可选：%2）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the base width ch must be a positive even number of at most %1</source>
        <translation>基础宽度 ch 必须是不超过 %1 的正偶数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ch_mult needs between 1 and %1 levels</source>
        <translation>ch_mult 需要 1 到 %1 个层级</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>every ch_mult entry must be between 1 and %1</source>
        <translation>ch_mult 的每一项都必须在 1 到 %1 之间</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>num_res_blocks must be between 1 and %1</source>
        <translation>num_res_blocks 必须在 1 到 %1 之间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>attn_resolutions may name at most %1 resolutions</source>
        <translation>attn_resolutions 最多只能指定 %1 个分辨率</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the number of classes must be between 0 and %1</source>
        <translation>类别数必须在 0 到 %1 之间</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>every attention resolution must be between 1 and %1</source>
        <translation>每个注意力分辨率都必须在 1 到 %1 之间</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>images must have 1 (grey) or 3 (RGB) channels</source>
        <translation>图像必须有 1 个（灰度）或 3 个（RGB）通道</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the image size %1 must be a multiple of %2 (one halving per level) and at most 512</source>
        <translation>图像尺寸 %1 必须是 %2 的倍数（每个层级减半一次），且不超过 512</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>dropout must lie in [0, 1)</source>
        <translation>dropout 必须在 [0, 1) 范围内</translation>
    </message>
    <message>
        <location filename="../core/precision.cpp" line="+48"/>
        <source>unknown precision &apos;%1&apos; (expected one of %2)</source>
        <translation>未知精度“%1”（可选：%2）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>bf16 mixed</source>
        <translation>bf16 混合精度</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>bf16 mixed (AMX)</source>
        <translation>bf16 混合精度（AMX）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bf16 mixed (AVX512-BF16)</source>
        <translation>bf16 混合精度（AVX512-BF16）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bf16 mixed (emulated: slow on this CPU)</source>
        <translation>bf16 混合精度（模拟：在此 CPU 上较慢）</translation>
    </message>
    <message>
        <location filename="../core/classifier.cpp" line="+137"/>
        <source>the %1 set for the classifier is empty</source>
        <translation>分类器的 %1 数据集为空</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the classifier reads grey %1×%1 images; the %2 set &apos;%3&apos; is not</source>
        <translation>分类器读取 %1×%1 的灰度图像；%2 数据集“%3”不符合此要求</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the %1 set &apos;%2&apos; has no labels</source>
        <translation>%1 数据集“%2”没有标签</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the %1 set &apos;%2&apos; has labels outside 0 … %3</source>
        <translation>%1 数据集“%2”中有超出 0 … %3 范围的标签</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the classifier&apos;s training was cancelled</source>
        <translation>分类器的训练已取消</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>invalid classifier training settings</source>
        <translation>分类器训练设置无效</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>the classifier&apos;s loss became %1 at step %2</source>
        <translation>分类器的损失在第 %2 步变为 %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>training the classifier</source>
        <translation>训练分类器</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>cannot save the classifier: %1</source>
        <translation>无法保存分类器：%1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&apos;%1&apos; is not a DDPM Studio classifier</source>
        <translation>“%1”不是 DDPM Studio 分类器</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;%1&apos; is a model checkpoint, not a classifier</source>
        <translation>“%1”是模型检查点，不是分类器</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;%1&apos; is not a DDPM Studio classifier (its format is &apos;%2&apos;)</source>
        <translation>“%1”不是 DDPM Studio 分类器（其格式为“%2”）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&apos;%1&apos; is an incomplete classifier: a setting is missing or invalid</source>
        <translation>“%1”是不完整的分类器：某项设置缺失或无效</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;%1&apos; classifies %2×%2 images; this program reads %3×%3 classifiers</source>
        <translation>“%1”用于分类 %2×%2 的图像；本程序只能读取 %3×%3 的分类器</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&apos;%1&apos; names %2 classes but has %3 outputs</source>
        <translation>“%1”列出了 %2 个类别，却有 %3 个输出</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&apos;%1&apos; holds no classifier weights</source>
        <translation>“%1”中没有分类器权重</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>the classifier needs a batch of 8-bit images [N, C, H, W]</source>
        <translation>分类器需要一批 8 位图像 [N, C, H, W]</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the Fashion-MNIST classifier reads grey images; these have %1 channels (quality is measured for grey models only)</source>
        <translation>Fashion-MNIST 分类器读取灰度图像；这些图像有 %1 个通道（仅对灰度模型测量质量）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the classifier cannot read %1×%2 images (square, 8×8 or larger)</source>
        <translation>分类器无法读取 %1×%2 的图像（须为正方形，且不小于 8×8）</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>the classifier needs a batch of images [N, C, H, W]</source>
        <translation>分类器需要一批图像 [N, C, H, W]</translation>
    </message>
    <message>
        <location filename="../core/quality.cpp" line="+111"/>
        <source>the quality reference needs grey %1×%1 test and training images</source>
        <translation>质量参考需要 %1×%1 的灰度测试图像和训练图像</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>the quality floor takes between 2 and %1 images, not %2</source>
        <translation>质量下限需要 2 到 %1 张图像，而不是 %2 张</translation>
    </message>
    <message>
        <location line="+54"/>
        <location line="+43"/>
        <source>measuring the quality reference</source>
        <translation>测量质量参考</translation>
    </message>
    <message>
        <location line="-121"/>
        <source>the quality measurement was cancelled</source>
        <translation>质量测量已取消</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>the classifier classifies other classes than Fashion-MNIST&apos;s (its first: %1): quality is measured with a classifier of Fashion-MNIST&apos;s ten classes</source>
        <translation>该分类器分类的类别不是 Fashion-MNIST 的（其第一个：%1）：质量须用 Fashion-MNIST 十个类别的分类器来测量</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;%1&apos; classifies other classes than Fashion-MNIST&apos;s (its first: %2): quality is measured with a classifier of Fashion-MNIST&apos;s ten classes</source>
        <translation>&apos;%1&apos; 分类的类别不是 Fashion-MNIST 的（其第一个：%2）：质量须用 Fashion-MNIST 十个类别的分类器来测量</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>the quality reference holds no training features</source>
        <translation>质量参考中没有训练图像的特征</translation>
    </message>
    <message>
        <location line="+166"/>
        <source>quality is measured for grey models only; this model makes %1-channel images</source>
        <translation>仅对灰度模型测量质量；此模型生成 %1 通道图像</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>quality needs at least 2 samples, not %1</source>
        <translation>质量测量至少需要 2 个样本，而不是 %1 个</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the quality reference&apos;s floor was measured with %1 images, not %2</source>
        <translation>质量参考的下限是用 %1 张图像测得的，而不是 %2 张</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>measuring the sample quality</source>
        <translation>测量样本质量</translation>
    </message>
    <message>
        <location filename="../core/modelstate.cpp" line="+19"/>
        <source>unknown weights &apos;%1&apos; (expected one of %2)</source>
        <translation>未知权重 &apos;%1&apos;（应为以下之一：%2）</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&apos;%1&apos; holds only the EMA weights (it was exported for sampling): there are no raw weights to use</source>
        <translation>“%1”只包含 EMA 权重（为采样而导出）：没有可用的原始权重</translation>
    </message>
    <message>
        <location filename="../core/likelihood.cpp" line="+15"/>
        <source>the likelihood bound was cancelled</source>
        <translation>似然下界的计算已取消</translation>
    </message>
    <message>
        <location line="+114"/>
        <location line="+95"/>
        <source>the likelihood bound needs a schedule of at least 2 steps</source>
        <translation>似然下界需要至少 2 步的噪声调度</translation>
    </message>
    <message>
        <location line="-66"/>
        <location line="+87"/>
        <source>computing the likelihood bound</source>
        <translation>计算似然下界时</translation>
    </message>
    <message>
        <location filename="../core/toy2d.cpp" line="+8"/>
        <source>the number of points must be between 1 and %1</source>
        <translation>点数必须在 1 到 %1 之间</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>unknown 2-D data set &apos;%1&apos; (expected gmm8, moons, swissroll or csv:FILE)</source>
        <translation>未知二维数据集“%1”（应为 gmm8、moons、swissroll 或 csv:FILE）</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1, line %2: expected two numbers, x and y</source>
        <translation>%1，第 %2 行：应为两个数，即 x 和 y</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1, line %2: x and y must lie within ±%3 (the diffusion ends in N(0, I): points of about ±1 suit it; scale them)</source>
        <translation>%1，第 %2 行：x 和 y 必须在 ±%3 以内（扩散终止于 N(0, I)：约 ±1 的点最合适；请缩放它们）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 has more than %2 points</source>
        <translation>%1 中的点超过 %2 个</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 holds no points (x,y rows)</source>
        <translation>%1 中没有点（x,y 行）</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>2-D training needs points as [N, 2]</source>
        <translation>二维训练需要形状为 [N, 2] 的点</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>the loss became %1 at step %2: the model was not changed by that step</source>
        <translation>损失在第 %2 步变为 %1：该步未改变模型</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>%1 is not a 2-D toy model (ddpm toy --save writes those)</source>
        <translation>%1 不是二维玩具模型（此类模型由 ddpm toy --save 写入）</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+7"/>
        <source>%1: the toy model&apos;s shapes are not valid</source>
        <translation>%1：玩具模型的形状无效</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1: the toy model&apos;s setting %2 is not valid</source>
        <translation>%1：玩具模型的设置 %2 无效</translation>
    </message>
    <message>
        <location filename="../core/interpolation.cpp" line="+21"/>
        <source>unknown interpolation mode &apos;%1&apos; (ddpm or ddim)</source>
        <translation>未知插值模式“%1”（应为 ddpm 或 ddim）</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>both images must have the model&apos;s shape</source>
        <translation>两张图像都必须符合模型的形状</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>between 2 and %1 interpolation steps λ</source>
        <translation>插值步数 λ 必须在 2 到 %1 之间</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a walk between two images takes one class, or none</source>
        <translation>两张图像之间的插值只能使用一个类别，或不使用类别</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>t must lie between 0 and %1</source>
        <translation>t 必须在 0 到 %1 之间</translation>
    </message>
    <message>
        <location filename="../core/sampler.cpp" line="-177"/>
        <source>DDIM takes between 1 and %1 steps</source>
        <translation>DDIM 需要 1 到 %1 步</translation>
    </message>
    <message>
        <location filename="../core/distributed.cpp" line="+52"/>
        <source>RANK and WORLD_SIZE must both be set for a distributed run (torchrun sets them)</source>
        <translation>分布式运行必须同时设置 RANK 和 WORLD_SIZE（torchrun 会设置它们）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>WORLD_SIZE must be a whole number of at least 1, not &apos;%1&apos;</source>
        <translation>WORLD_SIZE 必须是不小于 1 的整数，而不是“%1”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>RANK must be a whole number from 0 to %1, not &apos;%2&apos;</source>
        <translation>RANK 必须是 0 到 %1 之间的整数，而不是“%2”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>LOCAL_RANK must be a whole number of at least 0, not &apos;%1&apos;</source>
        <translation>LOCAL_RANK 必须是不小于 0 的整数，而不是“%1”</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>MASTER_PORT must be a port number from 1 to 65535, not &apos;%1&apos;</source>
        <translation>MASTER_PORT 必须是 1 到 65535 之间的端口号，而不是“%1”</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>this build has no NCCL for distributed training on CUDA</source>
        <translation>此构建版本不含用于 CUDA 分布式训练的 NCCL</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>rank %1 of %2 could not join the job at %3:%4 with %5 within %6 s (were all %2 ranks started?): %7</source>
        <translation>第 %1 个进程（共 %2 个）未能在 %6 秒内通过 %5 加入 %3:%4 上的作业（是否已启动全部 %2 个进程？）：%7</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>this build of ddpm has no distributed training: its LibTorch has no c10d (on Debian, install libgloo-dev and build again)</source>
        <translation>此 ddpm 构建版本不支持分布式训练：其 LibTorch 不含 c10d（在 Debian 上请安装 libgloo-dev 后重新构建）</translation>
    </message>
    <message>
        <location filename="../app/cli/commandline.cpp" line="+347"/>
        <source>the command &apos;%1&apos;</source>
        <translation>命令 &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../app/bench/main.cpp" line="+13"/>
        <source>the benchmark</source>
        <translation>基准测试</translation>
    </message>
    <message>
        <location filename="../core/diffusion.cpp" line="+21"/>
        <source>unknown prediction &apos;%1&apos; (expected one of %2)</source>
        <translation>未知预测目标 &apos;%1&apos;（应为以下之一：%2）</translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <location filename="../app/common/exporter.cpp" line="+202"/>
        <source>Cannot create the folder &apos;%1&apos;.</source>
        <translation>无法创建文件夹“%1”。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&apos;%1&apos; already holds a file of an earlier export (%2): new and old files would mix. Choose another folder, or replace the earlier export.</source>
        <translation>“%1”中已有早先导出的一个文件（%2）：新旧文件会混在一起。请选择其他文件夹，或替换早先的导出。</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>&apos;%1&apos; already holds %n files of an earlier export (%2 …): new and old files would mix. Choose another folder, or replace the earlier export.</source>
        <translation>
            <numerusform>“%1”中已有早先导出的 %n 个文件（%2 …）：新旧文件会混在一起。请选择其他文件夹，或替换早先的导出。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+28"/>
        <source>Cannot write into the folder &apos;%1&apos;: it takes no new files (%2). The earlier files, if any, are unchanged.</source>
        <translation>无法写入文件夹“%1”：该文件夹不接受新文件（%2）。之前的文件（如有）保持不变。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot replace &apos;%1&apos; of the earlier export. The earlier files are unchanged.</source>
        <translation>无法替换之前导出的“%1”。之前的文件保持不变。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot move &apos;%1&apos; into place. The earlier files are unchanged.</source>
        <translation>无法将“%1”移到目标位置。之前的文件保持不变。</translation>
    </message>
</context>
<context>
    <name>Exports</name>
    <message>
        <location filename="../app/studio/document/exports.cpp" line="+57"/>
        <source>The reverse process is still running: export it when it ends, or after Cancel (the export then records the step it stopped at).</source>
        <translation>逆向过程仍在运行：请在其结束后导出，或在“取消”之后导出（导出会记录它停止时的步数）。</translation>
    </message>
    <message>
        <location line="+64"/>
        <location line="+12"/>
        <source>There are no samples yet: run the reverse process first.</source>
        <translation>尚无样本：请先运行反向过程。</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+29"/>
        <source>There is no reverse process to export yet.</source>
        <translation>尚无可导出的反向过程。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The name %1 does not end in .%2: an animation of this kind is saved under a name that does.</source>
        <translation>文件名 %1 的扩展名不是 .%2：此类动画须以该扩展名保存。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>There is no image to noise yet: choose a data set.</source>
        <translation>尚无可加噪的图像：请选择数据集。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>There is no loss history yet: train the model first.</source>
        <translation>尚无损失历史：请先训练模型。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>The export ran out of memory; export fewer images or frames.</source>
        <translation>导出时内存不足；请导出更少的图像或帧。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The export failed.</source>
        <translation>导出失败。</translation>
    </message>
</context>
<context>
    <name>GuidanceChart</name>
    <message>
        <location filename="../app/studio/views/guidancechart.cpp" line="+22"/>
        <source>Quality against guidance w (every class in equal shares)</source>
        <translation>质量随引导 w 的变化（所有类别等份）</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+18"/>
        <source>Fréchet distance</source>
        <translation>Fréchet 距离</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>floor (real images)</source>
        <translation>下限（真实图像）</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+13"/>
        <source>class agreement, %</source>
        <translation>类别一致率，%</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>guidance w: ε̃ = (1 + w) ε̂(x, t, c) − w ε̂(x, t, ∅)</source>
        <translation>引导 w：ε̃ = (1 + w) ε̂(x, t, c) − w ε̂(x, t, ∅)</translation>
    </message>
</context>
<context>
    <name>HelpPanel</name>
    <message>
        <location filename="../app/studio/views/helppanel.cpp" line="+111"/>
        <source>The forward process: adding noise</source>
        <translation>前向过程：加噪</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training: learning to predict the noise</source>
        <translation>训练：学习预测噪声</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The reverse process: sampling</source>
        <translation>反向过程：采样</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Noise schedules</source>
        <translation>噪声调度</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>step</source>
        <translation>步数</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>training steps so far</source>
        <translation>已完成的训练步数</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>How good are the samples?</source>
        <translation>样本质量如何？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The score: what ε̂ really is</source>
        <translation>分数（score）：ε̂ 到底是什么</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>timestep, 1 … T</source>
        <translation>时间步，1 … T</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>denoising step of this run, of all its steps</source>
        <translation>本次运行的当前去噪步 / 总步数</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>timestep of the x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; shown, 1 … T (0: the clean image)</source>
        <translation>所显示的 x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; 的时间步，1 … T（0：干净图像）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>number of diffusion steps</source>
        <translation>扩散步数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>variance of the noise added at this step</source>
        <translation>此步加入的噪声的方差</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 − β&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;, variance kept by this step</source>
        <translation>1 − β&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;，此步保留的方差</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>share of the signal variance left</source>
        <translation>剩余的信号方差比例</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>scale of the image in x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;</source>
        <translation>x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; 中图像的缩放系数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>scale of the noise in x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;</source>
        <translation>x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; 中噪声的缩放系数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SNR&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;</source>
        <translation>SNR&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>signal-to-noise ratio ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; / (1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;)</source>
        <translation>信噪比 ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; / (1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>log SNR&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;</source>
        <translation>log SNR&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>above 0: mostly image; below 0: mostly noise</source>
        <translation>大于 0：以图像为主；小于 0：以噪声为主</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>standard deviation of the noise added while sampling</source>
        <translation>采样时加入的噪声的标准差</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DDIM stochasticity, 0 = deterministic</source>
        <translation>DDIM 随机性，0 = 确定性</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>smoothed loss</source>
        <translation>平滑后的损失</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the loss averaged over recent steps, as the chart draws it</source>
        <translation>最近若干步的平均损失，即图表中绘制的曲线</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+211"/>
        <source>Fréchet distance</source>
        <translation>Fréchet 距离</translation>
    </message>
    <message>
        <location line="-211"/>
        <source>between the samples&apos; and the test images&apos; classifier features</source>
        <translation>样本与测试图像在分类器特征上的距离</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>floor</source>
        <translation>下限</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the distance of real training images to the test images</source>
        <translation>真实训练图像与测试图像之间的距离</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>distance ÷ floor</source>
        <translation>距离 ÷ 下限</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>1 would be as close as real images</source>
        <translation>为 1 表示与真实图像一样接近</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the classifier&apos;s mean top probability on the samples</source>
        <translation>分类器对样本给出的最高概率的平均值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the score is ε̂ times minus this: s&lt;sub&gt;θ&lt;/sub&gt; = −ε̂ / √(1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;)</source>
        <translation>分数等于 ε̂ 乘以此值的相反数：s&lt;sub&gt;θ&lt;/sub&gt; = −ε̂ / √(1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Langevin η&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;</source>
        <translation>朗之万 η&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the Langevin step size here, %1 (1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;): noise √η per step</source>
        <translation>此处的朗之万步长，%1 (1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;)：每步噪声 √η</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>score error</source>
        <translation>分数误差</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mean ‖s&lt;sub&gt;θ&lt;/sub&gt; − ∇ log q&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;‖ ÷ mean ‖∇ log q&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;‖ at points of q&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;</source>
        <translation>在来自 q&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; 的点上，‖s&lt;sub&gt;θ&lt;/sub&gt; − ∇ log q&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;‖ 的均值 ÷ ‖∇ log q&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;‖ 的均值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sampler</source>
        <translation>采样器</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the method of this run</source>
        <translation>本次运行所用的方法</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Training images x&lt;sub&gt;0&lt;/sub&gt; are scaled to [−1, 1]. The forward process destroys them in T small steps, each adding a little Gaussian noise:</source>
        <translation>训练图像 x&lt;sub&gt;0&lt;/sub&gt; 被缩放到 [−1, 1]。前向过程分 T 个小步破坏图像，每一步都加入少量高斯噪声：</translation>
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
        <translation>（式 %1）</translation>
    </message>
    <message>
        <location line="-211"/>
        <source>Gaussians add up to a Gaussian, so any step can be reached from x&lt;sub&gt;0&lt;/sub&gt; in one jump, without running the chain:</source>
        <translation>高斯分布相加仍是高斯分布，因此无需逐步运行整条链，即可从 x&lt;sub&gt;0&lt;/sub&gt; 一步跳到任意一步：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; = √ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; x&lt;sub&gt;0&lt;/sub&gt; + √(1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;) ε, &amp;nbsp; ε ~ 𝒩(0, I)</source>
        <translation>x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; = √ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; x&lt;sub&gt;0&lt;/sub&gt; + √(1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;) ε, &amp;nbsp; ε ~ 𝒩(0, I)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;β&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;&lt;/b&gt;: the variance of the noise added at step t, set by the schedule.</source>
        <translation>&lt;b&gt;β&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;&lt;/b&gt;：第 t 步加入的噪声的方差，由噪声调度决定。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;α&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; = 1 − β&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;&lt;/b&gt;: the share of the variance one step keeps.</source>
        <translation>&lt;b&gt;α&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; = 1 − β&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;&lt;/b&gt;：单步保留的方差比例。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; = α&lt;sub&gt;1&lt;/sub&gt; α&lt;sub&gt;2&lt;/sub&gt; ⋯ α&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;&lt;/b&gt;: the share of the image&apos;s variance left after t steps. √ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; scales the image, √(1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;) the noise.</source>
        <translation>&lt;b&gt;ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; = α&lt;sub&gt;1&lt;/sub&gt; α&lt;sub&gt;2&lt;/sub&gt; ⋯ α&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;&lt;/b&gt;：经过 t 步后剩余的图像方差比例。√ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; 缩放图像，√(1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;) 缩放噪声。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;SNR&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; = ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; / (1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;)&lt;/b&gt;: the signal-to-noise ratio. Above 1 the image dominates, below 1 the noise.</source>
        <translation>&lt;b&gt;SNR&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; = ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; / (1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;)&lt;/b&gt;：信噪比。大于 1 时图像占主导，小于 1 时噪声占主导。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Why the histogram turns into 𝒩(0, 1)</source>
        <translation>为什么直方图会变成 𝒩(0, 1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The pixel histogram of x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; is the data&apos;s histogram shrunk by √ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;, blurred by noise of variance 1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;. As t grows, ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; falls towards 0 (about 4·10&lt;sup&gt;−5&lt;/sup&gt; at t = 1000 for the linear schedule), so the image&apos;s part vanishes and what is left is a standard normal: exactly where the reverse process starts. Shrinking by √(1 − β&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;) at every step is what keeps the variance near 1 instead of growing.</source>
        <translation>x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; 的像素直方图就是数据的直方图按 √ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; 收缩、再被方差为 1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; 的噪声模糊后的结果。随着 t 增大，ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; 趋向 0（线性调度下 t = 1000 时约为 4·10&lt;sup&gt;−5&lt;/sup&gt;），图像部分逐渐消失，剩下的是标准正态分布：这正是反向过程的起点。每一步都按 √(1 − β&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;) 收缩，才使方差保持在 1 附近，而不是不断增大。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The network ε&lt;sub&gt;θ&lt;/sub&gt; is shown a noisy image and the timestep, and is trained to tell which noise was added. %1, repeated until converged:</source>
        <translation>网络 ε&lt;sub&gt;θ&lt;/sub&gt; 接收一张带噪图像和对应的时间步，并被训练来判断加入的是什么噪声。%1，重复直至收敛：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Algorithm 1 of Ho et al. 2020</source>
        <translation>Ho 等人 2020 年论文中的算法 1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Take a batch of training images x&lt;sub&gt;0&lt;/sub&gt;.</source>
        <translation>取一批训练图像 x&lt;sub&gt;0&lt;/sub&gt;。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw a timestep t uniformly from {1, …, T} for each image.</source>
        <translation>为每张图像从 {1, …, T} 中均匀抽取一个时间步 t。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw noise ε ~ 𝒩(0, I).</source>
        <translation>抽取噪声 ε ~ 𝒩(0, I)。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; = √ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; x&lt;sub&gt;0&lt;/sub&gt; + √(1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;) ε in one jump (eq. 4).</source>
        <translation>一步得到 x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; = √ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; x&lt;sub&gt;0&lt;/sub&gt; + √(1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;) ε（式 4）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Take a gradient step on the simple loss:</source>
        <translation>对简化损失执行一步梯度下降：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>L&lt;sub&gt;simple&lt;/sub&gt; = ‖ε − ε&lt;sub&gt;θ&lt;/sub&gt;(x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;, &lt;i&gt;t&lt;/i&gt;)‖²</source>
        <translation>L&lt;sub&gt;simple&lt;/sub&gt; = ‖ε − ε&lt;sub&gt;θ&lt;/sub&gt;(x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;, &lt;i&gt;t&lt;/i&gt;)‖²</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loss per timestep</source>
        <translation>各时间步的损失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Split by t, the loss of ε-prediction is highest at small t. There x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; is almost the clean image and the noise is a faint pattern on top of it, hard to tell apart from the image&apos;s own fine detail. At large t, x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; is almost pure noise, so x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; itself is already a good guess of ε and the loss is small. The average loss flattens early; samples keep improving long after.</source>
        <translation>按 t 拆分后，ε 预测的损失在 t 较小时最高。此时 x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; 几乎就是干净图像，噪声只是叠加在上面的微弱纹理，很难与图像自身的细节区分开。t 较大时，x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; 几乎是纯噪声，因此 x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; 本身就已是 ε 的良好估计，损失很小。平均损失很早就趋于平缓，而样本在此后很长时间内仍在改进。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>EMA weights</source>
        <translation>EMA 权重</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Samples are drawn with an exponential moving average of the weights, updated after every step:</source>
        <translation>采样使用权重的指数移动平均，它在每一步之后更新：</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>DDIM&apos;s S timesteps lie evenly over T … 1 by default, both ends kept, so the last step starts at t = 1, where almost no noise is left. Trailing takes T, T − T/S, …, T/S instead: every step spans T/S timesteps, and no network evaluation goes to that nearly noise-free last step (Lin et al. 2024).</source>
        <translation>默认情况下，DDIM 的 S 个时间步均匀分布在 T … 1 上，两端都保留，因此最后一步从 t = 1 开始，那里几乎已没有噪声。“尾随”则取 T, T − T/S, …, T/S：每一步跨越 T/S 个时间步，没有一次网络评估花在那个几乎无噪声的最后一步上（Lin et al. 2024）。</translation>
    </message>
    <message>
        <location line="-150"/>
        <source>mean squared error per pixel of the network&apos;s prediction: ‖ε − ε&lt;sub&gt;θ&lt;/sub&gt;‖² for ε-prediction (the paper&apos;s), the same of x&lt;sub&gt;0&lt;/sub&gt; or v for a model that predicts those</source>
        <translation>网络预测的每像素均方误差：ε 预测（论文的做法）时为 ‖ε − ε&lt;sub&gt;θ&lt;/sub&gt;‖²，预测 x&lt;sub&gt;0&lt;/sub&gt; 或 v 的模型则为相应量的误差</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>timestep of the x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; shown, which the model sees at this step (0: x₀, where the run ends)</source>
        <translation>所显示的 x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; 的时间步，即模型在这一步看到的（0：x₀，运行结束处）</translation>
    </message>
    <message>
        <location line="+127"/>
        <source>θ&lt;sub&gt;EMA&lt;/sub&gt; ← d&lt;sub&gt;&lt;i&gt;n&lt;/i&gt;&lt;/sub&gt; · θ&lt;sub&gt;EMA&lt;/sub&gt; + (1 − d&lt;sub&gt;&lt;i&gt;n&lt;/i&gt;&lt;/sub&gt;) · θ,   d&lt;sub&gt;&lt;i&gt;n&lt;/i&gt;&lt;/sub&gt; = min(d, (1 + &lt;i&gt;n&lt;/i&gt;) / (10 + &lt;i&gt;n&lt;/i&gt;))</source>
        <translation>θ&lt;sub&gt;EMA&lt;/sub&gt; ← d&lt;sub&gt;&lt;i&gt;n&lt;/i&gt;&lt;/sub&gt; · θ&lt;sub&gt;EMA&lt;/sub&gt; + (1 − d&lt;sub&gt;&lt;i&gt;n&lt;/i&gt;&lt;/sub&gt;) · θ,   d&lt;sub&gt;&lt;i&gt;n&lt;/i&gt;&lt;/sub&gt; = min(d, (1 + &lt;i&gt;n&lt;/i&gt;) / (10 + &lt;i&gt;n&lt;/i&gt;))</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It averages away the jitter of single steps, so EMA samples are usually cleaner. At step &lt;i&gt;n&lt;/i&gt; the average reaches back about (10 + &lt;i&gt;n&lt;/i&gt;) / 9 steps, a ninth of the run, so that the random first weights soon drop out of it; from about 9 / (1 − d) steps on, it reaches back 1 / (1 − d) steps (1000 for d = 0.999; the paper uses 0.9999). The EMA samples thus lag a little behind the raw weights.</source>
        <translation>它平滑掉了单步更新的抖动，因此 EMA 样本通常更干净。在第 &lt;i&gt;n&lt;/i&gt; 步，该平均大约回溯 (10 + &lt;i&gt;n&lt;/i&gt;) / 9 步，即已训练步数的九分之一，因此随机的初始权重很快就会从平均中消失；大约从 9 / (1 − d) 步起，它回溯 1 / (1 − d) 步（d = 0.999 时为 1000 步；论文使用 0.9999）。因此 EMA 样本会略微落后于原始权重。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Sampling runs the chain backwards with the trained network (%1): start from pure noise x&lt;sub&gt;&lt;i&gt;T&lt;/i&gt;&lt;/sub&gt; ~ 𝒩(0, I); for t = T, …, 1 draw z ~ 𝒩(0, I) (z = 0 at t = 1) and step</source>
        <translation>采样时用训练好的网络反向运行这条链（%1）：从纯噪声 x&lt;sub&gt;&lt;i&gt;T&lt;/i&gt;&lt;/sub&gt; ~ 𝒩(0, I) 开始；对 t = T, …, 1，抽取 z ~ 𝒩(0, I)（t = 1 时 z = 0），并执行一步</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Algorithm 2 of Ho et al. 2020</source>
        <translation>Ho 等人 2020 年论文中的算法 2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;−1&lt;/sub&gt; = (1 / √α&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;) · (x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; − β&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; / √(1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;) · ε&lt;sub&gt;θ&lt;/sub&gt;(x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;, &lt;i&gt;t&lt;/i&gt;)) + σ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; z</source>
        <translation>x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;−1&lt;/sub&gt; = (1 / √α&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;) · (x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; − β&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; / √(1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;) · ε&lt;sub&gt;θ&lt;/sub&gt;(x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;, &lt;i&gt;t&lt;/i&gt;)) + σ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; z</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Two choices of the added variance work about equally well: σ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;² = β&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;, or the variance of the true posterior q(x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;−1&lt;/sub&gt; | x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;, x&lt;sub&gt;0&lt;/sub&gt;),</source>
        <translation>所加方差的两种选择效果大致相同：σ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;² = β&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;，或真实后验 q(x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;−1&lt;/sub&gt; | x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;, x&lt;sub&gt;0&lt;/sub&gt;) 的方差，</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>σ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;² = β̃&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; = β&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; (1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;−1&lt;/sub&gt;) / (1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;)</source>
        <translation>σ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;² = β̃&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; = β&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; (1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;−1&lt;/sub&gt;) / (1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The model&apos;s guess of the clean image</source>
        <translation>模型对干净图像的估计</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Solving eq. 4 for x&lt;sub&gt;0&lt;/sub&gt; with the predicted noise gives, at every step, the current estimate of the final image (clipped to [−1, 1]):</source>
        <translation>用预测的噪声从式 4 解出 x&lt;sub&gt;0&lt;/sub&gt;，即可在每一步得到对最终图像的当前估计（裁剪到 [−1, 1]）：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>x̂&lt;sub&gt;0&lt;/sub&gt; = (x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; − √(1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;) ε&lt;sub&gt;θ&lt;/sub&gt;(x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;, &lt;i&gt;t&lt;/i&gt;)) / √ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;</source>
        <translation>x̂&lt;sub&gt;0&lt;/sub&gt; = (x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; − √(1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;) ε&lt;sub&gt;θ&lt;/sub&gt;(x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;, &lt;i&gt;t&lt;/i&gt;)) / √ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At large t it is a blurry average of plausible images; coarse layout is decided first, fine detail last.</source>
        <translation>t 较大时，它是多种合理图像的模糊平均；粗略布局最先确定，细节最后才形成。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DDIM</source>
        <translation>DDIM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 reuses the same network but jumps along a subsequence of timesteps, e.g. 50 instead of 1000. From t to the next kept timestep s &lt; t:</source>
        <translation>%1 复用同一个网络，但沿时间步的一个子序列跳跃，例如用 50 步代替 1000 步。从 t 到下一个保留的时间步 s &lt; t：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DDIM (Song et al. 2021)</source>
        <translation>DDIM（Song 等人，2021）</translation>
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
        <translation>η = 0 是确定性的：相同的 x&lt;sub&gt;&lt;i&gt;T&lt;/i&gt;&lt;/sub&gt; 总是生成相同的图像。η = 1 会加入类似 DDPM 的噪声；若保留全部时间步，它就是 σ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;² = β̃&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; 的 DDPM。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>ε̂ is a scaled score</source>
        <translation>ε̂ 是经过缩放的分数（score）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Given x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;, the best guess of the noise in it points away from where the noisy data are dense. Exactly: the ε that minimises the training loss is</source>
        <translation>给定 x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;，对其中所含噪声的最佳估计指向远离带噪数据密集之处的方向。确切地说，使训练损失最小的 ε 为</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ε&lt;sup&gt;*&lt;/sup&gt;(x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;, &lt;i&gt;t&lt;/i&gt;) = −√(1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;) ∇&lt;sub&gt;x&lt;/sub&gt; log q&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;(x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;)</source>
        <translation>ε&lt;sup&gt;*&lt;/sup&gt;(x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;, &lt;i&gt;t&lt;/i&gt;) = −√(1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;) ∇&lt;sub&gt;x&lt;/sub&gt; log q&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;(x&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>so the network&apos;s score is s&lt;sub&gt;θ&lt;/sub&gt; = −ε&lt;sub&gt;θ&lt;/sub&gt; / √(1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;), and training with L&lt;sub&gt;simple&lt;/sub&gt; is denoising score matching at every noise level at once (%1, §3.2). The score grows as t falls: at small t the density is sharp.</source>
        <translation>因此网络的分数为 s&lt;sub&gt;θ&lt;/sub&gt; = −ε&lt;sub&gt;θ&lt;/sub&gt; / √(1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;)，而用 L&lt;sub&gt;simple&lt;/sub&gt; 训练，就是同时在所有噪声水平上进行去噪分数匹配（%1，§3.2）。分数随 t 减小而增大：t 较小时，密度很尖锐。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ho et al. 2020</source>
        <translation>Ho 等人，2020</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Langevin dynamics</source>
        <translation>朗之万动力学</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With a score, samples can be drawn by Langevin dynamics: many small steps uphill plus noise,</source>
        <translation>有了分数，就可以用朗之万动力学采样：沿上坡方向走许多小步，再加上噪声，</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>x ← x + (η/2) s&lt;sub&gt;θ&lt;/sub&gt;(x, &lt;i&gt;t&lt;/i&gt;) + √η z, &amp;nbsp; z ~ 𝒩(0, I)</source>
        <translation>x ← x + (η/2) s&lt;sub&gt;θ&lt;/sub&gt;(x, &lt;i&gt;t&lt;/i&gt;) + √η z, &amp;nbsp; z ~ 𝒩(0, I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>here with η&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; = %3 (1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;), from the noisiest level down (annealed, %1). At one small noise level alone the chain cannot cross between modes: it finds them, but not their weights. Predictor–corrector (%2) follows each DDPM or DDIM step with such steps, their size set by a signal-to-noise ratio r: ε = 2 α&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; (r ‖z‖ / ‖s‖)², which for images (‖z‖² = D, ‖s‖² = D / (1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;)) is 2 α&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; r² (1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;), the same for every image; then x ← x + ε s + √(2ε) z. Algorithm 2 itself is one such step per level.</source>
        <translation>此处 η&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; = %3 (1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;)，从噪声最大的水平开始逐级向下（退火，%1）。若只在单个较小的噪声水平上运行，链无法在模式之间穿越：它能找到各个模式，却找不到它们的权重。预测-校正（%2）在每个 DDPM 或 DDIM 步之后都接上这样的步，其步长由信噪比 r 决定：ε = 2 α&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; (r ‖z‖ / ‖s‖)²，对图像而言（‖z‖² = D，‖s‖² = D / (1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;)）即 2 α&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; r² (1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;)，对每张图像都相同；然后 x ← x + ε s + √(2ε) z。算法 2 本身就相当于每个水平走一步这样的步。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Song &amp; Ermon 2019</source>
        <translation>Song 与 Ermon，2019</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Song et al. 2021</source>
        <translation>Song 等人，2021</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>In two dimensions the truth can be computed. For eight Gaussians on a ring the noisy density q&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; is again a mixture, with means √ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; μ&lt;sub&gt;k&lt;/sub&gt; and variances ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; σ&lt;sub&gt;k&lt;/sub&gt;² + 1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;, so its score is known exactly (blue arrows). A small MLP with the U-Net&apos;s time embedding, trained by Algorithm 1 on the points, gives the black arrows.</source>
        <translation>在二维情形下，真实值可以直接算出。对于环上的八个高斯分布，带噪密度 q&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; 仍是一个混合分布，其均值为 √ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; μ&lt;sub&gt;k&lt;/sub&gt;，方差为 ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; σ&lt;sub&gt;k&lt;/sub&gt;² + 1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;，因此它的分数（score）可以精确求出（蓝色箭头）。一个带有 U-Net 时间嵌入的小型 MLP，在这些点上用算法 1 训练后，给出黑色箭头。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What to try</source>
        <translation>可以尝试</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scrub t from T down: the field is almost linear (a Gaussian) at large t and splits into the modes at small t.</source>
        <translation>把 t 从 T 往下拖动：t 较大时，向量场几乎是线性的（一个高斯分布）；t 较小时，它分裂到各个模式上。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop training early and compare the arrows and the error: the score is learned first where the data are.</source>
        <translation>提前停止训练，比较箭头和误差：分数最先在数据所在之处学到。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sample with Langevin at one noise level on the ring with its exact score, then with annealed Langevin: the first finds the modes but not their weights.</source>
        <translation>在环形数据上使用其精确分数，先用单一噪声水平上的朗之万采样，再用退火朗之万动力学采样：前者能找到各个模式，却找不到它们的权重。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Draw your own points and train on them.</source>
        <translation>自己绘制一些点，并在这些点上训练。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A loss curve says how well the network predicts noise, not how good the images are. This view measures the samples themselves, with a small classifier trained on Fashion-MNIST that ships with the program.</source>
        <translation>损失曲线反映的是网络预测噪声的好坏，而不是图像的好坏。此视图直接测量样本本身，所用的是随程序附带、在 Fashion-MNIST 上训练的小型分类器。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The classifier&apos;s penultimate layer turns each image into a feature vector. The features of the samples and of the test images are each summarised by a Gaussian (mean μ, covariance Σ), and the two Gaussians are compared:</source>
        <translation>分类器的倒数第二层将每张图像转换为一个特征向量。样本的特征和测试图像的特征各自用一个高斯分布（均值 μ，协方差 Σ）来概括，然后比较这两个高斯分布：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>d² = ‖μ&lt;sub&gt;s&lt;/sub&gt; − μ&lt;sub&gt;r&lt;/sub&gt;‖² + tr(Σ&lt;sub&gt;s&lt;/sub&gt; + Σ&lt;sub&gt;r&lt;/sub&gt; − 2 (Σ&lt;sub&gt;s&lt;/sub&gt; Σ&lt;sub&gt;r&lt;/sub&gt;)&lt;sup&gt;½&lt;/sup&gt;)</source>
        <translation>d² = ‖μ&lt;sub&gt;s&lt;/sub&gt; − μ&lt;sub&gt;r&lt;/sub&gt;‖² + tr(Σ&lt;sub&gt;s&lt;/sub&gt; + Σ&lt;sub&gt;r&lt;/sub&gt; − 2 (Σ&lt;sub&gt;s&lt;/sub&gt; Σ&lt;sub&gt;r&lt;/sub&gt;)&lt;sup&gt;½&lt;/sup&gt;)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It is the FID of the literature computed with this classifier instead of Inception, so its values are comparable between runs of this program, not with published FIDs. Lower is better.</source>
        <translation>这就是文献中的 FID，只是用此分类器代替 Inception 来计算，因此其数值可在本程序的不同运行之间比较，但不能与已发表的 FID 比较。数值越低越好。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The floor</source>
        <translation>下限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The same distance from as many real training images to the test images: what a perfect model would reach with this many samples, since a finite sample never matches exactly. Distance ÷ floor near 1 means the samples are as close to the data as real images are.</source>
        <translation>用同样数量的真实训练图像到测试图像计算的同一距离：即完美模型在这么多样本下所能达到的值，因为有限的样本永远不会完全吻合。距离 ÷ 下限接近 1，意味着样本与数据的接近程度和真实图像相当。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Confidence and class shares</source>
        <translation>置信度与类别占比</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The classifier&apos;s mean top probability on the samples: high when the samples look like clear members of a class, low for blurry or ambiguous ones. The class shares should each be near 10 %: a model that draws some classes far more often than others has lost diversity (mode collapse).</source>
        <translation>分类器对样本给出的最高概率的平均值：样本看起来明确属于某个类别时较高，样本模糊或模棱两可时较低。各类别占比都应接近 10%：如果模型生成某些类别的频率远高于其他类别，就说明它失去了多样性（模式坍塌）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Against the number of steps</source>
        <translation>随步数的变化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The sweep measures DDIM with 10 to 250 steps, DDPM with all of them, and DDIM with a Langevin corrector and annealed Langevin dynamics at about 100 and 250 network evaluations: how much quality each extra network evaluation buys, and the time per image it costs.</source>
        <translation>“按步数测量”会测量 10 到 250 步的 DDIM、全部步数的 DDPM，以及约 100 和 250 次网络评估的带 Langevin 校正器的 DDIM 和退火 Langevin 动力学：每多一次网络评估能换来多少质量提升，以及每张图像要多花多少时间。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Guidance</source>
        <translation>引导</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A class-conditional model, trained with its class left out now and then, predicts the noise with and without a class; classifier-free guidance mixes the two (Ho &amp;amp; Salimans 2022):</source>
        <translation>类别条件模型在训练时偶尔省略类别，因此既能在有类别时、也能在无类别时预测噪声；无分类器引导将两者混合（Ho &amp;amp; Salimans 2022）：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ε̃ = (1 + w) ε̂(x&lt;sub&gt;t&lt;/sub&gt;, t, c) − w ε̂(x&lt;sub&gt;t&lt;/sub&gt;, t)</source>
        <translation>ε̃ = (1 + w) ε̂(x&lt;sub&gt;t&lt;/sub&gt;, t, c) − w ε̂(x&lt;sub&gt;t&lt;/sub&gt;, t)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The Guidance chart measures every class in equal shares at several w: the Fréchet distance against the share of samples the classifier puts in the class asked for. A larger w raises that share and, past a point, the distance too: the images become typical of their class and less varied.</source>
        <translation>“引导”图表在多个 w 下按等份测量所有类别：Fréchet 距离与分类器判为所要求类别的样本比例之间的关系。w 越大，该比例越高，超过某一点后距离也会增大：图像更符合其类别的典型样子，但多样性降低。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nearest training images</source>
        <translation>最相近的训练图像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Is a sample new, or a copy of a training image? Each sample is shown beside its nearest training image in the classifier&apos;s features and beside its nearest in pixels. A sample counts as a likely copy when it lies nearer to a training image than 99 % of the test images do: a model that memorised its data scores near 100 %, one that generalises near 1 %.</source>
        <translation>样本是新的，还是某张训练图像的复制？每个样本旁边显示其在分类器特征空间中最相近的训练图像，以及在像素上最相近的训练图像。若某样本比 99% 的测试图像更接近某张训练图像，则视为可能的复制：记住了数据的模型得分接近 100%，能泛化的模型接近 1%。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Likelihood bound</source>
        <translation>似然下界</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training minimises a bound on the negative log-likelihood of the data (Ho et al. 2020):</source>
        <translation>训练最小化数据负对数似然的一个上界（Ho et al. 2020）：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>−log p&lt;sub&gt;θ&lt;/sub&gt;(x&lt;sub&gt;0&lt;/sub&gt;) ≤ L&lt;sub&gt;T&lt;/sub&gt; + Σ&lt;sub&gt;t&amp;gt;1&lt;/sub&gt; L&lt;sub&gt;t−1&lt;/sub&gt; + L&lt;sub&gt;0&lt;/sub&gt;</source>
        <translation>−log p&lt;sub&gt;θ&lt;/sub&gt;(x&lt;sub&gt;0&lt;/sub&gt;) ≤ L&lt;sub&gt;T&lt;/sub&gt; + Σ&lt;sub&gt;t&amp;gt;1&lt;/sub&gt; L&lt;sub&gt;t−1&lt;/sub&gt; + L&lt;sub&gt;0&lt;/sub&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Each L&lt;sub&gt;t−1&lt;/sub&gt; is the KL divergence between the forward process&apos;s posterior q(x&lt;sub&gt;t−1&lt;/sub&gt; | x&lt;sub&gt;t&lt;/sub&gt;, x&lt;sub&gt;0&lt;/sub&gt;) and the model&apos;s step p&lt;sub&gt;θ&lt;/sub&gt;(x&lt;sub&gt;t−1&lt;/sub&gt; | x&lt;sub&gt;t&lt;/sub&gt;); with ε-prediction it is a weighted noise error:</source>
        <translation>每个 L&lt;sub&gt;t−1&lt;/sub&gt; 是前向过程的后验 q(x&lt;sub&gt;t−1&lt;/sub&gt; | x&lt;sub&gt;t&lt;/sub&gt;, x&lt;sub&gt;0&lt;/sub&gt;) 与模型的一步 p&lt;sub&gt;θ&lt;/sub&gt;(x&lt;sub&gt;t−1&lt;/sub&gt; | x&lt;sub&gt;t&lt;/sub&gt;) 之间的 KL 散度；采用 ε 预测时，它是加权的噪声误差：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>L&lt;sub&gt;t−1&lt;/sub&gt; = β&lt;sub&gt;t&lt;/sub&gt;²/(2σ&lt;sub&gt;t&lt;/sub&gt;²α&lt;sub&gt;t&lt;/sub&gt;(1−ᾱ&lt;sub&gt;t&lt;/sub&gt;)) ‖ε − ε̂‖²</source>
        <translation>L&lt;sub&gt;t−1&lt;/sub&gt; = β&lt;sub&gt;t&lt;/sub&gt;²/(2σ&lt;sub&gt;t&lt;/sub&gt;²α&lt;sub&gt;t&lt;/sub&gt;(1−ᾱ&lt;sub&gt;t&lt;/sub&gt;)) ‖ε − ε̂‖²</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>L_simple drops the weight. The Likelihood bound tab measures the terms at some t on held-out images, in bits per dimension, and adds them up; L&lt;sub&gt;0&lt;/sub&gt; is the discrete decoder&apos;s term and L&lt;sub&gt;T&lt;/sub&gt; the prior&apos;s. &lt;i&gt;ddpm nll&lt;/i&gt; measures every t of many images.</source>
        <translation>L_simple 去掉了这个权重。“似然下界”标签页在留出图像上测量若干 t 处的各项（单位：每维比特）并求和；L&lt;sub&gt;0&lt;/sub&gt; 是离散解码器的项，L&lt;sub&gt;T&lt;/sub&gt; 是先验的项。&lt;i&gt;ddpm nll&lt;/i&gt; 在许多图像上测量每一个 t。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The schedule β&lt;sub&gt;1&lt;/sub&gt; … β&lt;sub&gt;&lt;i&gt;T&lt;/i&gt;&lt;/sub&gt; decides how fast the image is destroyed, and so which noise levels the model spends its steps on.</source>
        <translation>噪声调度 β&lt;sub&gt;1&lt;/sub&gt; … β&lt;sub&gt;&lt;i&gt;T&lt;/i&gt;&lt;/sub&gt; 决定图像被破坏的速度，从而决定模型把步数花在哪些噪声水平上。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;Linear&lt;/b&gt; (Ho et al. 2020): β&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; rises linearly from 10&lt;sup&gt;−4&lt;/sup&gt; to 0.02 over T = 1000 steps. Simple, but ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; drops fast: below 0.03 from t ≈ 600 on, so for small images many late steps are almost pure noise.</source>
        <translation>&lt;b&gt;线性（linear）&lt;/b&gt;（Ho 等人，2020）：β&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; 在 T = 1000 步内从 10&lt;sup&gt;−4&lt;/sup&gt; 线性增加到 0.02。简单，但 ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; 下降很快：从 t ≈ 600 起就低于 0.03，因此对于小图像，许多靠后的步几乎是纯噪声。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;Cosine&lt;/b&gt; (%1): defined through ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; = f(t) / f(0) with f(t) = cos²(((t/T + s) / (1 + s)) · π/2), s = 0.008, and β&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; = 1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; / ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;−1&lt;/sub&gt; capped at 0.999 (f(T) = 0 would make β&lt;sub&gt;&lt;i&gt;T&lt;/i&gt;&lt;/sub&gt; = 1). ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; falls almost linearly in the middle; the offset s keeps the first β&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; from being too small.</source>
        <translation>&lt;b&gt;余弦（cosine）&lt;/b&gt;（%1）：通过 ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; = f(t) / f(0) 定义，其中 f(t) = cos²(((t/T + s) / (1 + s)) · π/2)，s = 0.008，且 β&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; = 1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; / ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;−1&lt;/sub&gt;，上限截断为 0.999（若 f(T) = 0 则 β&lt;sub&gt;&lt;i&gt;T&lt;/i&gt;&lt;/sub&gt; = 1）。ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; 在中段几乎线性下降；偏移量 s 使第一个 β&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; 不至于过小。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nichol &amp;amp; Dhariwal 2021</source>
        <translation>Nichol &amp;amp; Dhariwal 2021</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Sigmoid&lt;/b&gt;: β&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; = β&lt;sub&gt;1&lt;/sub&gt; + (β&lt;sub&gt;&lt;i&gt;T&lt;/i&gt;&lt;/sub&gt; − β&lt;sub&gt;1&lt;/sub&gt;) · sigmoid(x), x evenly spaced on [−6, 6]: small for a while, a steep rise in the middle, then level.</source>
        <translation>&lt;b&gt;S 型（sigmoid）&lt;/b&gt;：β&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; = β&lt;sub&gt;1&lt;/sub&gt; + (β&lt;sub&gt;&lt;i&gt;T&lt;/i&gt;&lt;/sub&gt; − β&lt;sub&gt;1&lt;/sub&gt;) · sigmoid(x)，x 在 [−6, 6] 上均匀分布：起初一段时间很小，中段急剧上升，随后趋于平稳。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;Quadratic&lt;/b&gt;: √β&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; rises linearly, so β&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; starts slower than linear.</source>
        <translation>&lt;b&gt;二次（quadratic）&lt;/b&gt;：√β&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; 线性增长，因此 β&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; 起步比线性调度更慢。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reading the log-SNR curve</source>
        <translation>如何解读 log-SNR 曲线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>log SNR&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; = log(ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; / (1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;)) runs from large positive values (almost clean) through 0 (image and noise equally strong, ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; = ½) to large negative ones (almost pure noise). Compare schedules by where they cross 0 and how steeply they fall: steps spent far below 0 teach little, and a steep stretch means big jumps between neighbouring noise levels. The cosine curve is close to a straight line over most of t, spreading the steps more evenly over the noise levels.</source>
        <translation>log SNR&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; = log(ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; / (1 − ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt;)) 从很大的正值（几乎无噪声）经过 0（图像与噪声同样强，ᾱ&lt;sub&gt;&lt;i&gt;t&lt;/i&gt;&lt;/sub&gt; = ½）降到很大的负值（几乎是纯噪声）。比较各种调度时，看它们在何处穿过 0 以及下降得有多陡：远低于 0 的步几乎学不到什么，而陡峭的区段意味着相邻噪声水平之间的跨度很大。余弦（cosine）曲线在 t 的大部分范围内接近一条直线，使各步在噪声水平上分布得更均匀。</translation>
    </message>
</context>
<context>
    <name>HistogramView</name>
    <message>
        <location filename="../widgets/histogramview.cpp" line="+217"/>
        <source>n = %1   mean %2   std %3</source>
        <translation>n = %1   均值 %2   标准差 %3</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n outside</source>
        <translation>
            <numerusform>范围外 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <location line="-41"/>
        <source>No values</source>
        <translation>无数值</translation>
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
        <translation>无图像</translation>
    </message>
</context>
<context>
    <name>ImageIO</name>
    <message>
        <location filename="../app/common/imageio.cpp" line="+143"/>
        <source>&apos;%1&apos; is a file, not a folder of images.</source>
        <translation>“%1”是一个文件，而不是图像文件夹。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The folder &apos;%1&apos; does not exist.</source>
        <translation>文件夹“%1”不存在。</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>The folder &apos;%1&apos; holds no readable PNG or JPEG images.</source>
        <translation>文件夹“%1”中没有可读取的 PNG 或 JPEG 图像。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The folder &apos;%1&apos; holds no readable PNG or JPEG images: none of its files could be read as one (%2).</source>
        <translation>文件夹 &apos;%1&apos; 中没有可读取的 PNG 或 JPEG 图像：其中的文件都无法作为图像读取（%2）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>1 file skipped, not an image that can be read (%1)</source>
        <translation>跳过了 1 个文件，不是可读取的图像（%1）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 files skipped, not images that can be read (%2)</source>
        <translation>跳过了 %1 个文件，不是可读取的图像（%2）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>only the first %1 images are used</source>
        <translation>只使用前 %1 张图像</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The folder name &apos;%1&apos; is not UTF-8: rename the folder, or link to it under a name that is.</source>
        <translation>文件夹名 &apos;%1&apos; 不是 UTF-8：请重命名该文件夹，或用 UTF-8 名称为其建立链接。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the file there is a model (a checkpoint), which this would replace: name another file</source>
        <translation>该处的文件是一个模型（检查点），此操作会将其替换：请换一个文件名</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>it is a folder</source>
        <translation>它是一个文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it is not a regular file (a device, a pipe or a socket)</source>
        <translation>它不是普通文件（而是设备、管道或套接字）</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Cannot write &apos;%1&apos;: %2.</source>
        <translation>无法写入“%1”：%2。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+43"/>
        <source>Cannot write &apos;%1&apos;: %2</source>
        <translation>无法写入“%1”：%2</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Cannot write &apos;%1&apos;: %2. The earlier file, if any, is unchanged.</source>
        <translation>无法写入“%1”：%2。原有文件（如有）保持不变。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the file name must end in .gif or .webp</source>
        <translation>文件名必须以 .gif 或 .webp 结尾</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Cannot encode &apos;%1&apos;: %2</source>
        <translation>无法编码“%1”：%2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the file name is not UTF-8: give one that is</source>
        <translation>文件名不是 UTF-8：请使用 UTF-8 文件名</translation>
    </message>
    <message>
        <location line="-191"/>
        <source>Loading the folder &apos;%1&apos; was stopped.</source>
        <translation>文件夹“%1”的加载已停止。</translation>
    </message>
    <message>
        <location line="+164"/>
        <source>the file name must end in an image type that can be written here: %1</source>
        <translation>文件名必须以此处可写入的图像类型结尾：%1</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Cannot write &apos;%1&apos;: %2. The earlier files, if any, are unchanged.</source>
        <translation>无法写入“%1”：%2。早先的文件（如有）保持不变。</translation>
    </message>
</context>
<context>
    <name>ImageStrip</name>
    <message>
        <location filename="../widgets/imagestrip.cpp" line="+332"/>
        <source>No frames yet</source>
        <translation>尚无帧</translation>
    </message>
</context>
<context>
    <name>InterpolateDialog</name>
    <message>
        <location filename="../app/studio/views/interpolatedialog.cpp" line="+17"/>
        <source>Interpolate between two images</source>
        <translation>在两张图像之间插值</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>DDPM: noise both to t, mix, denoise</source>
        <translation>DDPM：两者加噪到 t，混合，去噪</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DDIM: invert both to the noise at t = T, mix spherically, decode</source>
        <translation>DDIM：两者反演到 t = T 时的噪声，球面混合，解码</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>How far both images are noised before they are mixed: at a small t the walk mixes the pixels, at a large t it passes through new images</source>
        <translation>两张图像在混合前加噪的程度：t 较小时，插值只是混合像素；t 较大时，插值会经过新的图像</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The steps of the inversion and of the decoding: with more, each end comes back closer to its own image</source>
        <translation>反演和解码的步数：步数越多，两端越接近各自的原图像</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Interpolate</source>
        <translation>插值</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>From image</source>
        <translation>起始图像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To image</source>
        <translation>目标图像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Walk</source>
        <translation>插值方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Noise to t (DDPM)</source>
        <translation>加噪到 t（DDPM）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Steps (DDIM)</source>
        <translation>步数（DDIM）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images λ = 0 … 1</source>
        <translation>图像数 λ = 0 … 1</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Both images are run backwards through DDIM (η = 0) to the noise at t = T they would come from, the two noises are mixed along the sphere they lie near, and each mixture is decoded with DDIM (Song et al. 2021, §5.3).</source>
        <translation>两张图像都经 DDIM（η = 0）反向运行，得到它们各自在 t = T 时所对应的噪声；两个噪声沿它们所靠近的球面混合，每个混合结果再用 DDIM 解码（Song 等人，2021，§5.3）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Both images are noised to t with the same noise, mixed as (1 − λ) xₜᵃ + λ xₜᵇ, and each mixture is denoised with the same reverse noise, so the images differ only by λ (Ho et al. 2020, Fig. 8).</source>
        <translation>两张图像用相同的噪声加噪到 t，按 (1 − λ) xₜᵃ + λ xₜᵇ 混合，每个混合结果再用相同的反向噪声去噪，因此各图像之间只有 λ 不同（Ho 等人，2020，图 8）。</translation>
    </message>
</context>
<context>
    <name>LossChart</name>
    <message>
        <location filename="../widgets/losschart.cpp" line="+42"/>
        <location line="+43"/>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>Smoothed</source>
        <translation>平滑后</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Step</source>
        <translation>步</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Drag to zoom, right-click to zoom out, double-click to show everything</source>
        <translation>拖动以缩放，右键单击以缩小，双击以显示全部</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../app/studio/windowviews.cpp" line="+58"/>
        <source>Settings not saved</source>
        <translation>设置未保存</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Data &amp;&amp; forward process</source>
        <translation>数据 &amp;&amp; 前向过程</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reverse process</source>
        <translation>反向过程</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Schedules</source>
        <translation>噪声调度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Score</source>
        <translation>分数</translation>
    </message>
    <message>
        <location filename="../app/studio/mainwindow.cpp" line="+111"/>
        <location filename="../app/studio/menus.cpp" line="+376"/>
        <source>What am I looking at?</source>
        <translation>这里显示的是什么？</translation>
    </message>
    <message>
        <location filename="../app/studio/windowviews.cpp" line="+34"/>
        <source>%1 is in: this training run goes on with the data set it began with; the next Start trains on the new one.</source>
        <translation>%1 已载入：本次训练继续使用开始时的数据集；下次开始时将在新数据集上训练。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>A new, untrained model: the preset, the noise schedule and the classes make a model of their own (the other settings are the run&apos;s).</source>
        <translation>一个新的、未训练的模型：预设、噪声调度和类别决定模型本身（其余设置属于本次训练）。</translation>
    </message>
    <message>
        <location filename="../app/studio/mainwindow.cpp" line="+70"/>
        <source>Training paused at step %L1: Resume goes on from here, Stop ends the run</source>
        <translation>训练已在第 %L1 步暂停：“继续”从此处接着训练，“停止”结束本次训练</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Following the run: %1</source>
        <translation>跟踪训练运行：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../app/studio/windowviews.cpp" line="+21"/>
        <source>Training stopped at step %L1: the target was lowered to %L2 steps</source>
        <translation>训练在第 %L1 步停止：目标已降至 %L2 步</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Training reached its target of %L1 steps</source>
        <translation>训练已达到 %L1 步的目标</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Training stopped at step %1</source>
        <translation>训练已在第 %1 步停止</translation>
    </message>
    <message>
        <location filename="../app/studio/mainwindow.cpp" line="+35"/>
        <location filename="../app/studio/menus.cpp" line="-54"/>
        <source>Export the quality measurements</source>
        <translation>导出质量测量结果</translation>
    </message>
    <message>
        <location filename="../app/studio/menus.cpp" line="-218"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>&amp;New model</source>
        <translation>新建模型(&amp;N)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open a checkpoint</source>
        <translation>打开检查点</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>New model from &amp;weights…</source>
        <translation>从权重新建模型(&amp;W)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+21"/>
        <location line="+74"/>
        <source>DDPM checkpoints (*.ckpt *.pt);;All files (*)</source>
        <translation>DDPM 检查点 (*.ckpt *.pt);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="-87"/>
        <source>A new model that starts from another model&apos;s weights, with its network, schedule and prediction, and the training settings and classes of this form: fine-tune a model on other data, or make a class-conditional model from an unconditional one</source>
        <translation>从另一个模型的权重开始的新模型，沿用其网络、噪声调度和预测方式，并使用此表单的训练设置和类别：在其他数据上微调模型，或由无条件模型得到类别条件模型</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Follow training run…</source>
        <translation>跟踪训练运行(&amp;F)…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;demo model</source>
        <translation>打开演示模型(&amp;D)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A Fashion-MNIST model that ships with the program, to watch denoising at once</source>
        <translation>随程序附带的 Fashion-MNIST 模型，可立即观看去噪过程</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the model</source>
        <translation>保存模型</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+13"/>
        <source>DDPM checkpoints (*.ckpt)</source>
        <translation>DDPM 检查点 (*.ckpt)</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Save &amp;as…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the model as</source>
        <translation>模型另存为</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is not a training log: its first line is not &quot;%2&quot;, as the log of ddpm train --log begins.</source>
        <translation>%1 不是训练日志：它的第一行不是 ddpm train --log 日志开头的&quot;%2&quot;。</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export the sample grid</source>
        <translation>导出样本网格</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+27"/>
        <location line="+12"/>
        <location line="+8"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>Export every sample into</source>
        <translation>将所有样本导出到</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Earlier export</source>
        <translation>早先的导出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 already holds an earlier export (one image, %2). Replace it?</source>
        <translation>%1 已有之前的导出（一张图像，%2）。要替换吗？</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 already holds an earlier export (%n images, %2 …). Replace it?</source>
        <translation>
            <numerusform>%1 已有之前的导出（%n 张图像，%2 …）。要替换吗？</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing exported: the folder keeps its earlier export.</source>
        <translation>未导出任何内容：该文件夹保留其早先的导出。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exported the samples to %1</source>
        <translation>已将样本导出到 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export the reverse-process strip</source>
        <translation>导出反向过程图像条</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export the reverse process as GIF</source>
        <translation>将反向过程导出为 GIF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GIF animations (*.gif)</source>
        <translation>GIF 动画 (*.gif)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export the reverse process as WebP</source>
        <translation>将反向过程导出为 WebP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WebP animations (*.webp)</source>
        <translation>WebP 动画 (*.webp)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export the forward-process strip</source>
        <translation>导出前向过程图像条</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export the loss history</source>
        <translation>导出损失历史</translation>
    </message>
    <message>
        <location filename="../app/studio/mainwindow.cpp" line="+0"/>
        <location filename="../app/studio/menus.cpp" line="+0"/>
        <location line="+8"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../app/studio/menus.cpp" line="-4"/>
        <source>Export the loss chart</source>
        <translation>导出损失图表</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;About DDPM Studio</source>
        <translation>关于 DDPM Studio(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../app/studio/mainwindow.cpp" line="+45"/>
        <source>the data set is still loading</source>
        <translation>数据集仍在加载中</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Class-conditional model</source>
        <translation>类别条件模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A class-conditional model cannot be made on this data set: %1. The new model is unconditional.</source>
        <translation>无法在此数据集上创建类别条件模型：%1。新模型为无条件模型。</translation>
    </message>
    <message>
        <location filename="../app/studio/menus.cpp" line="+78"/>
        <source>The demo model is not installed (models/fashion-mnist-demo.ckpt).</source>
        <translation>未安装演示模型（models/fashion-mnist-demo.ckpt）。</translation>
    </message>
    <message>
        <location filename="../app/studio/mainwindow.cpp" line="+14"/>
        <source>A model is saved as a .ckpt file; “%1” would look like a .%2 file. Give the name without .%2 (or with .ckpt).</source>
        <translation>模型保存为 .ckpt 文件；“%1”看起来像 .%2 文件。请去掉 .%2（或改用 .ckpt）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saving %1…</source>
        <translation>正在保存 %1…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A model is being opened; Start when it is there.</source>
        <translation>正在打开模型；打开后再开始训练。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Training starts once the data set is loaded.</source>
        <translation>数据集加载完成后即开始训练。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose a data set first.</source>
        <translation>请先选择数据集。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This model is class-conditional, and %1 has no labels. Give it a data set with labels (an image folder with one subfolder per class), or start a model without classes (untick Class-conditional).</source>
        <translation>此模型是类别条件模型，而 %1 没有标签。请为它提供带标签的数据集（每个类别一个子文件夹的图像文件夹），或新建一个不带类别的模型（取消勾选“类别条件”）。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Training a copy of %1; the file itself stays as it is.</source>
        <translation>正在训练 %1 的副本；文件本身保持不变。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Training shares the CPU with the sampling going on: its first steps are slow, and it speeds up when that ends.</source>
        <translation>训练与正在进行的采样共用 CPU：最初几步较慢，采样结束后会加快。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>There is no model to measure.</source>
        <translation>没有可测量的模型。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The sampler asks for more steps than this model&apos;s T = %1 diffusion steps.</source>
        <translation>采样器要求的步数多于该模型的 T = %1 个扩散步。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>the new model</source>
        <translation>新模型</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quality is measured for grey Fashion-MNIST-like models; this model makes colour images.</source>
        <translation>质量测量适用于类似 Fashion-MNIST 的灰度模型；此模型生成的是彩色图像。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The quality classifier is not installed (%1).</source>
        <translation>未安装质量分类器（%1）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quality is measured against the Fashion-MNIST test images; install the dataset-fashion-mnist package.</source>
        <translation>质量以 Fashion-MNIST 测试图像为基准进行测量；请安装 dataset-fashion-mnist 软件包。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Opened %1 at step %2</source>
        <translation>已打开 %1（第 %2 步）</translation>
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
        <translation>设备：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Precision: %1</source>
        <translation>精度：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Model: %1, %L2 parameters</source>
        <translation>模型：%1，%L2 个参数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Step %L1</source>
        <translation>第 %L1 步</translation>
    </message>
    <message>
        <location line="-82"/>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Still writing the last export; try again when it is done.</source>
        <translation>上一次导出仍在写入；请在完成后重试。</translation>
    </message>
    <message>
        <location line="-117"/>
        <source>Writing %1</source>
        <translation>正在写入 %1</translation>
    </message>
    <message>
        <location line="-313"/>
        <source>Start a new model from another model&apos;s weights</source>
        <translation>以另一个模型的权重开始新模型</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Follow a training run: its checkpoint or its log</source>
        <translation>跟踪训练运行：选择其检查点或日志</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checkpoints and training logs (*.ckpt *.csv);;DDPM checkpoints (*.ckpt);;Training logs (*.csv)</source>
        <translation>检查点和训练日志 (*.ckpt *.csv);;DDPM 检查点 (*.ckpt);;训练日志 (*.csv)</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>The checkpoint the run of %1 writes</source>
        <translation>%1 所属运行写入的检查点</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>Watch a run that trains elsewhere (ddpm train with --save-every, on a server or in another process): its checkpoint is opened again each time the run writes it, read-only, and its log (--log, the same name ending in .csv) brings the loss chart up to the step the run is at</source>
        <translation>观察在别处进行的训练运行（使用 --save-every 的 ddpm train，在服务器上或另一个进程中）：每当该运行写入检查点时，都会以只读方式重新打开它；其日志（--log，同名且以 .csv 结尾）让损失图表跟上该运行当前的步数</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>The folder %1 does not exist, so no run writes %2 there.</source>
        <translation>文件夹 %1 不存在，因此不会有训练在那里写出 %2。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Following %1 in %2: it opens once the run writes it.</source>
        <translation>正在跟踪 %2 中的 %1：训练写出该文件后即会打开。</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>&amp;Sample grid as PNG…</source>
        <translation>样本网格导出为 PNG(&amp;S)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Every sample as PNG into a folder…</source>
        <translation>所有样本逐张导出为 PNG 到文件夹(&amp;E)…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;Reverse-process strip as PNG…</source>
        <translation>反向过程图像条导出为 PNG(&amp;R)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reverse process as animated &amp;GIF…</source>
        <translation>反向过程导出为 GIF 动画(&amp;G)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reverse process as animated &amp;WebP…</source>
        <translation>反向过程导出为 WebP 动画(&amp;W)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Forward-process strip as PNG…</source>
        <translation>前向过程图像条导出为 PNG(&amp;F)…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Loss history as CSV…</source>
        <translation>损失历史导出为 CSV(&amp;L)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Loss &amp;chart as PNG…</source>
        <translation>损失图表导出为 PNG(&amp;C)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Quality measurements as CSV…</source>
        <translation>质量测量结果导出为 CSV(&amp;Q)…</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
    <message>
        <location line="+132"/>
        <source>The new language applies the next time DDPM Studio starts.</source>
        <translation>新语言将在下次启动 DDPM Studio 时生效。</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new language applies when DDPM Studio starts again. Restart now? (No: at the next start.)</source>
        <translation>新语言在 DDPM Studio 重新启动后生效。现在重新启动吗？（否：下次启动时生效。）</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>About DDPM Studio</source>
        <translation>关于 DDPM Studio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;DDPM Studio %1&lt;/h3&gt;&lt;p&gt;Train, watch and understand denoising diffusion probabilistic models (Ho, Jain and Abbeel, 2020).&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Qt&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;LibTorch&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Device&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;h3&gt;DDPM Studio %1&lt;/h3&gt;&lt;p&gt;训练、观察并理解去噪扩散概率模型（Ho、Jain 和 Abbeel，2020）。&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Qt&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;LibTorch&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;设备&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
</context>
<context>
    <name>ModelDocument</name>
    <message>
        <location filename="../app/studio/document/modeldocument.cpp" line="+34"/>
        <source>Untitled model</source>
        <translation>未命名模型</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 (demo, read-only)</source>
        <translation>%1（演示，只读）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (a run&apos;s checkpoint, read-only)</source>
        <translation>%1（训练运行的检查点，只读）</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Unsaved training</source>
        <translation>未保存的训练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The model has training progress that is not saved (step %L1). Save it first?</source>
        <translation>模型有未保存的训练进度（第 %L1 步）。是否先保存？</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save the model</source>
        <translation>保存模型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DDPM checkpoints (*.ckpt)</source>
        <translation>DDPM 检查点 (*.ckpt)</translation>
    </message>
</context>
<context>
    <name>NeighbourLookup</name>
    <message>
        <location filename="../app/studio/neighbourlookup.cpp" line="+28"/>
        <source>No nearest training images: %1</source>
        <translation>无法获取最相近的训练图像：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Looking for the nearest training images of image %1: preparing the Fashion-MNIST reference first, once a session (the classifier describes its 70,000 images), %2 %…</source>
        <translation>正在查找图像 %1 最相近的训练图像：先准备 Fashion-MNIST 参考（每次会话一次，分类器描述其 70,000 张图像），%2%…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Nearest training images</source>
        <translation>最相近的训练图像</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The images appear here once they are found.</source>
        <translation>找到后，图像会显示在这里。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Looking for the nearest training images of image %1…</source>
        <translation>正在查找图像 %1 最相近的训练图像…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The quality thread has stopped.</source>
        <translation>质量线程已停止。</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../app/studio/settings/preferencesdialog.cpp" line="+31"/>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All cores</source>
        <translation>所有核心</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>CPU threads apply from the next training step, also during a run, and to the next sampling run. The device, the precision and the preview interval are set in the Training view.</source>
        <translation>CPU 线程数从下一个训练步起生效（运行中也是如此），并用于下一次采样。设备、精度和预览间隔在“训练”视图中设置。</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>CPU threads for training and sampling on the CPU (this machine has one core).</source>
        <translation>在 CPU 上训练和采样时使用的 CPU 线程数（本机有一个核心）。</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>CPU threads for training and sampling on the CPU (this machine has %n cores).</source>
        <translation>
            <numerusform>在 CPU 上训练和采样时使用的 CPU 线程数（本机有 %n 个核心）。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>CPU &amp;threads:</source>
        <translation>CPU 线程(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export folder:</source>
        <translation>导出文件夹(&amp;E)：</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Default Export Folder</source>
        <translation>默认导出文件夹</translation>
    </message>
</context>
<context>
    <name>QualityController</name>
    <message>
        <location filename="../app/studio/workers/qualityworker.cpp" line="+14"/>
        <source>measuring the sample quality</source>
        <translation>测量样本质量</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The quality classifier is not installed (%1).</source>
        <translation>未安装质量分类器（%1）。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Quality is measured against the Fashion-MNIST test images: %1</source>
        <translation>质量以 Fashion-MNIST 测试图像为基准进行测量：%1</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>The lookup was stopped.</source>
        <translation>查找已停止。</translation>
    </message>
    <message>
        <location filename="../app/studio/workers/qualitycontroller.cpp" line="+93"/>
        <source>finding the nearest training images</source>
        <translation>查找最相近的训练图像</translation>
    </message>
</context>
<context>
    <name>QualityResults</name>
    <message>
        <location filename="../app/studio/document/qualityresults.cpp" line="+10"/>
        <source>There is no quality measurement yet: press Measure first.</source>
        <translation>尚无质量测量结果：请先点击“测量”。</translation>
    </message>
</context>
<context>
    <name>QualityView</name>
    <message>
        <location filename="../app/studio/views/qualityview.cpp" line="+50"/>
        <source>DDPM, %L1 steps</source>
        <translation>DDPM，%L1 步</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DDIM, %L1 steps</source>
        <translation>DDIM，%L1 步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, %L2 network evaluations</source>
        <translation>%1，%L2 次网络评估</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, trailing timesteps</source>
        <translation>%1，尾随时间步</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Samples to draw. The floor is measured with as many real training images, so the distance and its floor compare at one count. Below about %L1 samples (four times the classifier&apos;s %L2 features) both are mostly bias; more give a steadier number.</source>
        <translation>要生成的样本数。下限使用同样数量的真实训练图像测得，因此距离与其下限在同一样本数下可比。低于约 %L1 个样本（分类器 %L2 维特征的四倍）时，两者主要是偏差；样本越多，数值越稳定。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>DDIM (η = 0)</source>
        <translation>DDIM（η = 0）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DDPM (all steps)</source>
        <translation>DDPM（全部步数）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Where DDIM&apos;s S steps lie between T and 0: for a DDIM measurement and for the DDIM rows of the sweeps, whichever sampler the form shows</source>
        <translation>DDIM 的 S 步在 T 与 0 之间的位置：用于 DDIM 测量以及各扫描中的 DDIM 行，无论表单显示哪种采样器</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+34"/>
        <source>Measure</source>
        <translation>测量</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Draw the samples with these settings and compare them with the test images</source>
        <translation>使用这些设置生成样本，并与测试图像进行比较</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Measure against steps</source>
        <translation>按步数测量</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>DDIM with %1 steps, DDPM with all steps, then DDIM with a Langevin corrector and annealed Langevin dynamics at about 100 and 250 network evaluations: the Fréchet distance and the time per image of each, in the chart</source>
        <translation>依次使用 %1 步的 DDIM、全部步数的 DDPM，再使用约 100 和 250 次网络评估的带 Langevin 校正器的 DDIM 和退火 Langevin 动力学：各自的 Fréchet 距离和每张图像耗时显示在图表中</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Measure against guidance</source>
        <translation>按引导权重测量</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A class-conditional model: every class in equal shares at guidance w = %1, with the form&apos;s sampler: the Fréchet distance and the class agreement of each, in the Guidance chart</source>
        <translation>类别条件模型：所有类别等份，依次使用引导 w = %1，并使用表单中的采样器：各自的 Fréchet 距离和类别一致率显示在“引导”图表中</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+70"/>
        <source>Samples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <location line="-69"/>
        <source>Sampler</source>
        <translation>采样器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DDIM steps</source>
        <translation>DDIM 步数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DDIM timesteps</source>
        <translation>DDIM 时间步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>A classifier trained on the 60,000 Fashion-MNIST training images describes each sample by the features of its last hidden layer. The Fréchet distance compares their mean and covariance with those of the 10,000 test images; the floor is the same distance for as many real training images. A model that makes images like the real ones scores near the floor.</source>
        <translation>一个在 60000 张 Fashion-MNIST 训练图像上训练的分类器，用其最后一个隐藏层的特征描述每个样本。Fréchet 距离将这些特征的均值和协方差与 10000 张测试图像的特征进行比较；下限是同样数量的真实训练图像所得的同一距离。生成的图像与真实图像相似的模型，得分接近下限。</translation>
    </message>
    <message>
        <location line="+34"/>
        <location line="+44"/>
        <source>Quality against network evaluations</source>
        <translation>质量随网络评估次数的变化</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>Guidance</source>
        <translation>引导</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nearest training images</source>
        <translation>最相近的训练图像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Likelihood bound</source>
        <translation>似然下界</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+136"/>
        <source>No measurement yet.</source>
        <translation>尚无测量结果。</translation>
    </message>
    <message>
        <location line="-131"/>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The class the classifier gives each sample. A model that covers every mode makes each of the ten classes about 10% of the time.</source>
        <translation>分类器为每个样本判定的类别。覆盖所有模式的模型，生成十个类别的概率各约为 10%。</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+37"/>
        <location line="+183"/>
        <source>Fréchet distance</source>
        <translation>Fréchet 距离</translation>
    </message>
    <message>
        <location line="-216"/>
        <source>floor (real images)</source>
        <translation>下限（真实图像）</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+30"/>
        <source>seconds per image</source>
        <translation>每张图像秒数</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>annealed Langevin</source>
        <translation>退火 Langevin</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>with a Langevin corrector</source>
        <translation>带 Langevin 校正器</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DDIM, trailing timesteps</source>
        <translation>DDIM，尾随时间步</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>network evaluations per image</source>
        <translation>每张图像的网络评估次数</translation>
    </message>
    <message>
        <location line="+66"/>
        <location line="+7"/>
        <source>No measurement of %1 yet.</source>
        <translation>尚未测量 %1。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Measuring %1 sampler settings…</source>
        <translation>正在测量 %1 种采样器设置…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Measuring…</source>
        <translation>正在测量…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Setting %1 of %2: </source>
        <translation>第 %1 种设置（共 %2 种）：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%L1 of %L2 image-steps</source>
        <translation>已完成 %L1 / %L2 个图像步</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Preparing the Fashion-MNIST reference, once a session (the classifier describes its 70,000 images): %1 %</source>
        <translation>正在准备 Fashion-MNIST 参考（每次会话一次，分类器描述其 70,000 张图像）：%1%</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Stopped: %1</source>
        <translation>已停止：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>&lt;b&gt;%1&lt;/b&gt;, %L2 samples, the model at step %L3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;，%L2 个样本，模型处于第 %L3 步</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Floor (%L1 real training images)</source>
        <translation>下限（%L1 张真实训练图像）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Distance ÷ floor</source>
        <translation>距离 ÷ 下限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1× (below 1: at %L2 samples both distances are noisy; measure more samples before reading it)</source>
        <translation>%1×（低于 1：在 %L2 个样本下两个距离都带有噪声；请先用更多样本测量再解读）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean classifier confidence</source>
        <translation>分类器平均置信度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time per image</source>
        <translation>每张图像耗时</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every class</source>
        <translation>每个类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No class</source>
        <translation>无类别</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Class asked for, guidance w</source>
        <translation>请求的类别，引导 w</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Class agreement (the classifier&apos;s class is the one asked for)</source>
        <translation>类别一致率（分类器判定的类别即所请求的类别）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Likely copies of training images (nearer than 99 % of test images are)</source>
        <translation>疑似训练图像副本（比 99% 的测试图像离训练图像更近）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 % (threshold %2; the nearest sample at %3)</source>
        <translation>%1 %（阈值 %2；最近的样本距离为 %3）</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Outside 5–15%: the model makes this class too rarely or too often</source>
        <translation>超出 5–15%：模型生成此类别过少或过多</translation>
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
        <translation>分数 s = −ε̂/√(1 − ᾱₜ)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>score s = −ε̂/√(1 − ᾱₜ), shown on ±%1</source>
        <translation>分数 s = −ε̂/√(1 − ᾱₜ)，按 ±%1 显示</translation>
    </message>
</context>
<context>
    <name>ReverseView</name>
    <message>
        <location filename="../app/studio/views/reverseform.cpp" line="+35"/>
        <source>DDPM, σ² = β̃ (posterior)</source>
        <translation>DDPM, σ² = β̃（后验）</translation>
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
        <translation>退火朗之万动力学</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Langevin at one noise level</source>
        <translation>单一噪声水平上的朗之万</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The same steps at one small noise level only: the samples land in the modes, but in the wrong proportions — why the annealing matters</source>
        <translation>仅在单个较小的噪声水平上执行同样的步：样本会落入各个模式，但比例不对——这正是退火之所以重要的原因</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Langevin corrector after each step</source>
        <translation>每步之后进行朗之万校正</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Predictor–corrector (Song et al. 2021): after each DDPM or DDIM step, Langevin steps at the new noise level, their size set by the signal-to-noise ratio r</source>
        <translation>预测-校正（Song 等人，2021）：在每个 DDPM 或 DDIM 步之后，在新的噪声水平上执行朗之万步，其步长由信噪比 r 决定</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The Langevin corrector&apos;s signal-to-noise ratio r: each of its steps has the size ε = 2 αₜ r² (1 − ᾱₜ) (Song et al. 2021)</source>
        <translation>Langevin 校正器的信噪比 r：其每一步的步长为 ε = 2 αₜ r² (1 − ᾱₜ)（Song et al. 2021）</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>EMA weights</source>
        <translation>EMA 权重</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Raw weights</source>
        <translation>原始权重</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clip the predicted x₀ to [−1, 1]</source>
        <translation>将预测的 x₀ 裁剪到 [−1, 1]</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sample</source>
        <translation>采样</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Which image of the grid to fork, counted row by row from the top left</source>
        <translation>要分叉的是网格中的第几张图像，从左上角开始逐行计数</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fork here</source>
        <translation>在此分叉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continue this image&apos;s xₜ several times, each with fresh noise, side by side: what they share is already decided at this t, what differs is still open (Ho et al. 2020, Figure 7). The forks draw their noise with the seed after the run&apos;s, so that it is not the noise the run itself went on with.</source>
        <translation>将此图像的 xₜ 并排延续多次，每次使用新的噪声：它们的共同之处在此 t 时已经确定，不同之处则尚未确定（Ho 等人，2020，图 7）。分支使用运行种子的下一个种子抽取噪声，因此不会与运行本身继续使用的噪声相同。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>DDIM timesteps</source>
        <translation>DDIM 时间步</translation>
    </message>
    <message>
        <location line="+136"/>
        <source>Fork once the run going on ends, or after Cancel: a fork would replace it</source>
        <translation>请在正在进行的运行结束后或“取消”之后再分叉：分叉会替换它</translation>
    </message>
    <message>
        <location filename="../app/studio/views/reverseview.cpp" line="+140"/>
        <source>The network&apos;s score s = −ε̂/√(1 − ᾱₜ), the direction in which the noisy images&apos; density grows fastest: ε̂ is the score, scaled</source>
        <translation>网络的分数 s = −ε̂/√(1 − ᾱₜ)，即带噪图像的密度增长最快的方向：ε̂ 就是经过缩放的分数</translation>
    </message>
    <message>
        <location filename="../app/studio/views/reverseform.cpp" line="-47"/>
        <source>This model has only its EMA weights (a file exported for sampling, or weights taken from another model): its raw weights are the same until it trains.</source>
        <translation>此模型只有 EMA 权重（为采样导出的文件，或取自另一模型的权重）：在训练之前，其原始权重与之相同。</translation>
    </message>
    <message>
        <location filename="../app/studio/views/reverseview.cpp" line="+204"/>
        <source> — failed</source>
        <translation> — 失败</translation>
    </message>
    <message>
        <location filename="../app/studio/views/reverseform.cpp" line="-95"/>
        <source>Sampler</source>
        <translation>采样器</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Langevin steps x ← x + (η/2) s + √η z with the network&apos;s score s = −ε̂/√(1 − ᾱₜ), at each noise level in turn from the noisiest (Song &amp; Ermon 2019)</source>
        <translation>使用网络的分数 s = −ε̂/√(1 − ᾱₜ) 执行朗之万步 x ← x + (η/2) s + √η z，从噪声最大的水平开始，依次在每个噪声水平上进行（Song 与 Ermon，2019）</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+120"/>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <location line="-118"/>
        <source>DDIM η</source>
        <translation>DDIM η</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Langevin steps per level</source>
        <translation>每个水平的朗之万步数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images</source>
        <translation>图像数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Class, guidance</source>
        <translation>类别，引导</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Fork at the shown step</source>
        <translation>在当前显示的步分叉</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Image</source>
        <translation>图像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continuations</source>
        <translation>延续数</translation>
    </message>
    <message>
        <location filename="../app/studio/views/reverseview.cpp" line="-243"/>
        <source>Press Sample to run the reverse process.</source>
        <translation>点击“采样”以运行反向过程。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The run shown and the earlier ones kept: Fork here and Denoise from here do not lose the run they start from</source>
        <translation>当前显示的运行及保留的早先运行：“从此处分叉”和“从此处去噪”不会丢失它们所基于的运行</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>step –</source>
        <translation>第 – 步</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Show the score</source>
        <translation>显示分数</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>predicted clean image x̂₀</source>
        <translation>预测的干净图像 x̂₀</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../app/studio/views/reverseform.cpp" line="-13"/>
        <source>Corrector&apos;s SNR r</source>
        <translation>校正器信噪比 r</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>Noise levels</source>
        <translation>噪声级别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rounds at the level</source>
        <translation>该级别上的轮数</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sample with the settings shown: a run with other settings replaces the one going on</source>
        <translation>按显示的设置采样：设置不同的运行会替换正在进行的运行</translation>
    </message>
    <message>
        <location filename="../app/studio/views/reverseview.cpp" line="-108"/>
        <source>DDIM %L1</source>
        <translation>DDIM %L1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DDIM %L1, η = %2</source>
        <translation>DDIM %L1，η = %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, trailing</source>
        <translation>，尾随</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>every class</source>
        <translation>每个类别</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, w = %2</source>
        <translation>%1，w = %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>seed %1</source>
        <translation>种子 %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Done: x₀ after %L1 steps (%L2 network evaluations).</source>
        <translation>完成：经过 %L1 步得到 x₀（%L2 次网络评估）。</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>done · x₀</source>
        <translation>完成 · x₀</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>step %L1 of %L2 · t = %3</source>
        <translation>第 %L1 步（共 %L2 步）· t = %3</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>xₜ</source>
        <translation>xₜ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>predicted noise ε̂</source>
        <translation>预测的噪声 ε̂</translation>
    </message>
    <message>
        <location line="+93"/>
        <source> — replaced</source>
        <translation> — 已被替换</translation>
    </message>
    <message>
        <location line="+67"/>
        <source> — cancelled</source>
        <translation> — 已取消</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>newest</source>
        <translation>最新</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>1 run back</source>
        <translation>前 1 次运行</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%L1 runs back</source>
        <translation>前 %L1 次运行</translation>
    </message>
    <message>
        <location line="+15"/>
        <source> · one step in %L1 kept (memory budget %L2 MB)</source>
        <translation> · 每 %L1 步保留一步（内存预算 %L2 MB）</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>At x₀ the run has ended: the score is taken at noisy xₜ only.</source>
        <translation>在 x₀ 处运行已结束：分数只在带噪声的 xₜ 处计算。</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Step %L1 of %L2: the model sees xₜ at t = %3 and predicts x̂₀ and the noise ε̂.</source>
        <translation>第 %L1 步（共 %L2 步）：模型看到 t = %3 时的 xₜ，并预测 x̂₀ 和噪声 ε̂。</translation>
    </message>
    <message>
        <location line="-404"/>
        <source>Done: x₀ after %L1 steps.</source>
        <translation>完成：经过 %L1 步得到 x₀。</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Langevin %L1 × %L2</source>
        <translation>Langevin %L1 × %L2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Langevin at one level, %L1 × %L2</source>
        <translation>单一噪声水平上的朗之万，%L1 × %L2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>corrector × %L1</source>
        <translation>校正器 × %L1</translation>
    </message>
    <message>
        <location line="+417"/>
        <source>At x₀ the run has ended: no noise is left to predict.</source>
        <translation>到 x₀ 时运行已结束：没有剩余的噪声需要预测。</translation>
    </message>
</context>
<context>
    <name>RunActions</name>
    <message>
        <location filename="../app/studio/views/runactions.cpp" line="+18"/>
        <source>Interpolate…</source>
        <translation>插值…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Walk between two images of this finished run: noised to t and mixed (Ho et al. 2020, Fig. 8), or inverted with DDIM and mixed spherically</source>
        <translation>在此已完成运行的两张图像之间插值：加噪到 t 后混合（Ho 等人，2020，图 8），或用 DDIM 反演后球面混合</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nearest training images</source>
        <translation>最相近的训练图像</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Is this image a copy? Its nearest Fashion-MNIST training images, in the quality classifier&apos;s features and in pixels, with their distances (the image to fork)</source>
        <translation>这张图像是副本吗？显示它按质量分类器特征和按像素计算最近的 Fashion-MNIST 训练图像及其距离（针对选定要分叉的图像）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nearest training images are looked up among Fashion-MNIST&apos;s; this model trained on %1.</source>
        <translation>最近的训练图像只在 Fashion-MNIST 的训练图像中查找；该模型是在 %1 上训练的。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 → %2 of the run</source>
        <translation>%1 → %2（本次运行）</translation>
    </message>
</context>
<context>
    <name>RunClock</name>
    <message>
        <location filename="../app/studio/views/runclock.cpp" line="+56"/>
        <source>%1 steps/s</source>
        <translation>%1 步/秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>steps/s</source>
        <translation>步/秒</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%L1 steps in %2 (%3)</source>
        <translation>%L1 步，用时 %2（%3）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stopped after %L1 of %L2 steps, %3</source>
        <translation>在 %L2 步中的第 %L1 步后停止，%3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%L1 of %L2 steps done · %3 · %4 left</source>
        <translation>已完成 %L1 / %L2 步 · %3 · 剩余 %4</translation>
    </message>
</context>
<context>
    <name>SamplingController</name>
    <message>
        <location filename="../app/studio/workers/samplingworker.cpp" line="+43"/>
        <source>sampling</source>
        <translation>采样</translation>
    </message>
</context>
<context>
    <name>SamplingRuns</name>
    <message>
        <location filename="../app/studio/workers/samplingruns.cpp" line="+31"/>
        <source>There is no model to sample from yet.</source>
        <translation>尚无可用于采样的模型。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sampling with the weights of step %1</source>
        <translation>正在使用第 %1 步的权重采样</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Already sampling with these settings; change one to start a new run.</source>
        <translation>已在使用这些设置采样；更改其中一项即可开始新的运行。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This image does not fit the model; load a data set of the model&apos;s size.</source>
        <translation>此图像与模型不匹配；请加载与模型尺寸相符的数据集。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Towards the image&apos;s own class, %1, with guidance w = %2 (the Reverse view&apos;s “Every class” would give each image another class).</source>
        <translation>朝向图像自身的类别 %1，引导 w = %2（“反向过程”视图中的“每个类别”会给每张图像另一个类别）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>DDIM with η = 1 here: η = 0 adds no noise, so the %1 images would be the same.</source>
        <translation>此处使用 η = 1 的 DDIM：η = 0 不添加噪声，%1 张图像将完全相同。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Denoising the chosen image from t = %1 with the weights of step %2</source>
        <translation>正在使用第 %2 步的权重从 t = %1 对所选图像去噪</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Denoising the chosen image from t = %1 as %2 images, each with its own noise, with the weights of step %3</source>
        <translation>正在使用第 %3 步的权重从 t = %1 将所选图像去噪为 %2 张图像，每张使用各自的噪声</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>These images do not fit the model; load a data set of the model&apos;s size.</source>
        <translation>这些图像与模型不匹配；请加载与模型尺寸相符的数据集。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The images are of two classes (%1, %2): the walk is denoised without a class, so its ends can differ from them.</source>
        <translation>这两张图像属于两个类别（%1、%2）：插值路径在无类别条件下去噪，因此其两端可能与原图不同。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The images&apos; classes are not known: the walk is denoised without a class, so its ends can differ from them.</source>
        <translation>图像的类别未知：插值路径在无类别条件下去噪，因此其两端可能与原图不同。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Interpolating between images %1: both inverted with DDIM (η = 0, %2 steps) to the noise at t = T, mixed spherically in %3 steps of λ, and decoded, with the weights of step %4</source>
        <translation>正在使用第 %4 步的权重对图像 %1 进行插值：两者用 DDIM（η = 0，%2 步）反演到 t = T 时的噪声，以 %3 个 λ 步球面混合，再解码</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Interpolating between images %1 from t = %2, λ = 0 … 1 in %3 steps, with the weights of step %4</source>
        <translation>正在使用第 %4 步的权重从 t = %2 对图像 %1 进行插值，λ = 0 … 1，共 %3 步</translation>
    </message>
    <message>
        <location line="+29"/>
        <source> (DDIM with η = 1: η = 0 adds no noise, so the forks would not differ)</source>
        <translation>（使用 η = 1 的 DDIM：η = 0 不加入噪声，各分支不会有差别）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Image %1 forked at t = %2 into %3 continuations, each with fresh noise%4</source>
        <translation>图像 %1 在 t = %2 处分叉为 %3 个延续，每个都使用新的噪声%4</translation>
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
        <translation>βₜ（对数刻度）</translation>
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
        <translation>扩散步数 T：</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The same image and noise under each schedule</source>
        <translation>同一图像和噪声在各噪声调度下的结果</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>t (dashed: the Data view&apos;s t = %1)</source>
        <translation>t（虚线：数据视图中的 t = %1）</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>At T = %L1 the %2 schedule leaves ᾱ_T at %3: x_T keeps %4 % of the image&apos;s amplitude (√ᾱ_T), while sampling starts from pure noise. Its β range is the paper&apos;s for T = 1,000.</source>
        <translation>在 T = %L1 时，调度 %2 使 ᾱ_T 为 %3：x_T 仍保留图像 %4% 的幅度（√ᾱ_T），而采样是从纯噪声开始的。它的 β 范围是论文为 T = 1000 设定的。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>At T = %L1 the schedules %2 leave ᾱ_T up to %3: x_T keeps %4 % of the image&apos;s amplitude (√ᾱ_T), while sampling starts from pure noise. Their β range is the paper&apos;s for T = 1,000.</source>
        <translation>在 T = %L1 时，调度 %2 使 ᾱ_T 最高达 %3：x_T 仍保留图像 %4% 的幅度（√ᾱ_T），而采样是从纯噪声开始的。它们的 β 范围是论文为 T = 1000 设定的。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>, </source>
        <comment>between the names of schedules</comment>
        <translation>、</translation>
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
        <translation>训练二维模型</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>sampling the 2-D model</source>
        <translation>用二维模型采样</translation>
    </message>
</context>
<context>
    <name>ScoreView</name>
    <message>
        <location filename="../app/studio/views/scoreview.cpp" line="+85"/>
        <source>Eight Gaussians on a ring</source>
        <translation>环上的八个高斯分布</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Two moons</source>
        <translation>双月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Swiss roll</source>
        <translation>瑞士卷</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Points you draw</source>
        <translation>自己绘制的点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear the points</source>
        <translation>清除点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click or drag on the plot to draw points.</source>
        <translation>在图上单击或拖动以绘制点。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Algorithm 1 on the points: the MLP learns ε̂, i.e. the score of every noise level</source>
        <translation>在这些点上运行算法 1：MLP 学习 ε̂，即每个噪声水平上的分数</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+36"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Press Train to see the loss of each step here.</source>
        <translation>按下“训练”后，这里会显示每一步的损失。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ancestral (Algorithm 2)</source>
        <translation>祖先采样（算法 2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Predictor–corrector</source>
        <translation>预测-校正</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DDIM, η = 0 (probability flow)</source>
        <translation>DDIM，η = 0（概率流）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annealed Langevin dynamics</source>
        <translation>退火朗之万动力学</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Langevin at one noise level</source>
        <translation>单一噪声水平上的朗之万</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The Langevin corrector&apos;s signal-to-noise ratio r: each of its steps has the size ε = 2 αₜ r² (1 − ᾱₜ) (Song et al. 2021)</source>
        <translation>Langevin 校正器的信噪比 r：其每一步的步长为 ε = 2 αₜ r² (1 − ᾱₜ)（Song et al. 2021）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Use the exact score (the ring only)</source>
        <translation>使用精确分数（仅限环形数据）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sample</source>
        <translation>采样</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Density qₜ</source>
        <translation>密度 qₜ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learned score (black)</source>
        <translation>学到的分数（黑色）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exact score (blue)</source>
        <translation>精确分数（蓝色）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data points</source>
        <translation>数据点</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Data and model</source>
        <translation>数据与模型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Training steps</source>
        <translation>训练步数</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+6"/>
        <source>Particles</source>
        <translation>粒子</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Sampler</source>
        <translation>采样器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Levels (DDIM, Langevin)</source>
        <translation>水平数（DDIM、朗之万）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Langevin steps per level</source>
        <translation>每个水平的朗之万步数</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Training: step %L1 of %L2, loss %3</source>
        <translation>训练：第 %L1 步（共 %L2 步），损失 %3</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Training stopped after %L1 steps.</source>
        <translation>训练在 %L1 步后停止。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trained for %L1 steps. Scrub t to compare the learned score with the truth, or sample particles.</source>
        <translation>已训练 %L1 步。拖动 t 可将学到的分数与真实值进行比较，也可以对粒子进行采样。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>step %L1 of %L2 · t = %3</source>
        <translation>第 %L1 步（共 %L2 步）· t = %3</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%L1 particles, %L2 network evaluations each%3.</source>
        <translation>%L1 个粒子，每个 %L2 次网络评估%3。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source> %1 % of them lie within 3σ of a mode (the data: %2 %); by their nearest mode, the modes hold %3–%4 % each (the data: 12.5 %).</source>
        <translation>其中 %1% 位于某个模式的 3σ 范围内（数据：%2%）；按最近的模式计，各模式分别占 %3–%4%（数据：12.5%）。</translation>
    </message>
    <message>
        <location line="+214"/>
        <source>Sampling %L1 particles: %L2 network evaluations each…</source>
        <translation>正在对 %L1 个粒子采样：每个 %L2 次网络评估…</translation>
    </message>
    <message>
        <location line="-239"/>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location line="-115"/>
        <source>Corrector&apos;s SNR r</source>
        <translation>校正器信噪比 r</translation>
    </message>
    <message>
        <location line="+121"/>
        <source>Sampling stopped.</source>
        <translation>采样已停止。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source> of the exact score</source>
        <translation>（使用精确分数）</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>t = %1</source>
        <translation>t = %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Draw points, then train.</source>
        <translation>请先绘制点，再训练。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Train the model, then scrub t.</source>
        <translation>请先训练模型，再拖动 t。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>t = %1: ᾱₜ = %2, score scale 1/√(1 − ᾱₜ) = %3</source>
        <translation>t = %1：ᾱₜ = %2，分数缩放系数 1/√(1 − ᾱₜ) = %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>t = 0: the data</source>
        <translation>t = 0：数据</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> · learned score&apos;s mean relative error %1 %</source>
        <translation> · 学到的分数的平均相对误差 %1 %</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Draw at least two points first.</source>
        <translation>请先绘制至少两个点。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Training…</source>
        <translation>正在训练…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Train the model first (or use the exact score of the ring).</source>
        <translation>请先训练模型（或使用环形数据的精确分数）。</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../app/studio/settings/settings.cpp" line="+85"/>
        <source>The settings cannot be saved to %1 (it is not a file that can be written): your choices last until DDPM Studio closes.</source>
        <translation>无法将设置保存到 %1（它不是可写入的文件）：您的选择仅在 DDPM Studio 关闭前有效。</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cosine</source>
        <translation>余弦</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sigmoid</source>
        <translation>Sigmoid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>quadratic</source>
        <translation>二次</translation>
    </message>
</context>
<context>
    <name>SpacingBox</name>
    <message>
        <location filename="../app/studio/views/spacingbox.cpp" line="+10"/>
        <source>Even, T … 1</source>
        <translation>均匀，T … 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trailing, T … T/S</source>
        <translation>尾随，T … T/S</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DDIM&apos;s steps evenly spaced from T down to 1, both ends kept: the last step goes from t = 1, where almost no noise is left, to x₀</source>
        <translation>DDIM 的步均匀分布在 T 到 1 之间，两端都保留：最后一步从几乎已无噪声的 t = 1 走到 x₀</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>DDIM&apos;s steps at T, T − T/S, …, T/S: each spans T/S timesteps, the last from t = T/S (Lin et al. 2024)</source>
        <translation>DDIM 的步位于 T, T − T/S, …, T/S：每一步跨越 T/S 个时间步，最后一步从 t = T/S 开始（Lin et al. 2024）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Where DDIM&apos;s S steps lie between T and 0</source>
        <translation>DDIM 的 S 步在 T 与 0 之间的位置</translation>
    </message>
</context>
<context>
    <name>TimestepScrubber</name>
    <message>
        <location filename="../widgets/timestepscrubber.cpp" line="+35"/>
        <source> fps</source>
        <translation> 帧/秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Playback speed in frames per second</source>
        <translation>播放速度，单位为帧/秒</translation>
    </message>
    <message>
        <location line="+208"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause (Space)</source>
        <translation>暂停（空格键）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Play (Space)</source>
        <translation>播放（空格键）</translation>
    </message>
</context>
<context>
    <name>TrainingController</name>
    <message>
        <location filename="../app/studio/workers/trainingworker.cpp" line="+56"/>
        <source>creating the model</source>
        <translation>创建模型</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>opening %1</source>
        <translation>打开“%1”</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>saving %1</source>
        <translation>保存“%1”</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+66"/>
        <location line="+34"/>
        <source>copying the model</source>
        <translation>复制模型</translation>
    </message>
    <message>
        <location line="-85"/>
        <source>drawing the preview samples</source>
        <translation>生成预览样本</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>preparing the data set</source>
        <translation>准备数据集</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The data set does not fit the model yet (image size or channels): it is being read again at the model&apos;s size. Press Start when it is in.</source>
        <translation>数据集尚不适合该模型（图像尺寸或通道数）：正在按模型的尺寸重新读取。读取完成后请按“开始”。</translation>
    </message>
    <message>
        <location filename="../app/studio/mainwindow.cpp" line="-188"/>
        <location filename="../app/studio/workers/trainingworker.cpp" line="+13"/>
        <source>The model cannot train on this data set: %1</source>
        <translation>该模型无法在此数据集上训练：%1</translation>
    </message>
    <message>
        <location filename="../app/studio/workers/trainingworker.cpp" line="+19"/>
        <source>The model cannot be moved to %1: no temporary file can be written (%2).</source>
        <translation>无法将模型移到 %1：无法写入临时文件（%2）。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>There is no model to train.</source>
        <translation>没有可训练的模型。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The data set is still loading; press Start when it is in.</source>
        <translation>数据集仍在加载；加载完成后请按“开始”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>moving the model to %1</source>
        <translation>将模型移到 %1 上</translation>
    </message>
    <message>
        <location filename="../app/studio/workers/trainingcontroller.cpp" line="+216"/>
        <source>The model has already reached step %L1; raise the number of steps to continue.</source>
        <translation>模型已达到第 %L1 步；请增加步数以继续训练。</translation>
    </message>
    <message>
        <location filename="../app/studio/workers/trainingworker.cpp" line="-195"/>
        <source>There is no model to save.</source>
        <translation>没有可保存的模型。</translation>
    </message>
</context>
<context>
    <name>TrainingView</name>
    <message>
        <location filename="../app/studio/views/trainingview.cpp" line="+88"/>
        <source>tiny (16×16 grey, 0.18 M parameters)</source>
        <translation>tiny（16×16 灰度，0.18 M 参数）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reference (32×32 grey, 1.6 M parameters)</source>
        <translation>reference（32×32 灰度，1.6 M 参数）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cifar (32×32 colour, 35.7 M parameters)</source>
        <translation>cifar（32×32 彩色，35.7 M 参数）</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CUDA GPU</source>
        <translation>CUDA GPU</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location line="-26"/>
        <location line="+28"/>
        <source> steps</source>
        <translation> 步</translation>
    </message>
    <message>
        <location line="-79"/>
        <source>Automatic (bf16 mixed on this CPU)</source>
        <translation>自动（在此 CPU 上使用 bf16 混合精度）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Automatic (fp32 on this CPU)</source>
        <translation>自动（在此 CPU 上使用 fp32）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>fp32</source>
        <translation>fp32</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bf16 mixed</source>
        <translation>bf16 混合精度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bf16 mixed computes the convolutions and attention in bfloat16, about 1.3× faster on CPUs with AVX512-BF16 or AMX, and keeps the weights, optimizer, normalisation and loss in fp32. Checkpoints always hold fp32 weights. Automatic picks bf16 where the hardware computes it fast.</source>
        <translation>bf16 混合精度以 bfloat16 计算卷积和注意力，在支持 AVX512-BF16 或 AMX 的 CPU 上约快 1.3 倍，而权重、优化器、归一化和损失仍保持 fp32。检查点始终保存 fp32 权重。“自动”会在硬件能快速计算 bf16 时选用 bf16。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Class-conditional</source>
        <translation>类别条件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The network is also given each image&apos;s class (Fashion-MNIST&apos;s ten, CIFAR-10&apos;s, the shapes&apos;, or an image folder&apos;s subfolders), and 10 % of the time no class, so that one model can draw a chosen class and be guided towards it (classifier-free guidance). Changing it starts a new model.</source>
        <translation>网络还会获得每张图像的类别（Fashion-MNIST 的十个类别、CIFAR-10 的类别、合成形状的类别，或图像文件夹的各个子文件夹），并在 10% 的情况下不提供类别，这样同一个模型既能生成所选类别，也能被引导向该类别（无分类器引导）。更改此项将开始一个新模型。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The learning rate rises linearly from 0 over these first steps.</source>
        <translation>在最初的这些步中，学习率从 0 开始线性增加。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Where the model trains. A change applies at the next Start: the model moves there with its optimizer state. Sampling runs where the model is.</source>
        <translation>模型训练所用的设备。更改将在下次点击“开始”时生效：模型会连同其优化器状态一起移到该设备上。采样在模型所在的设备上运行。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Training steps between two preview samples. Sampling a preview pauses training briefly, so a small interval slows training down.</source>
        <translation>两次预览采样之间的训练步数。生成预览会短暂暂停训练，因此间隔太小会拖慢训练。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+269"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="-268"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Hyper-parameters</source>
        <translation>超参数</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Model preset</source>
        <translation>模型预设</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warm-up</source>
        <translation>预热</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+335"/>
        <source>EMA decay</source>
        <translation>EMA 衰减率</translation>
    </message>
    <message>
        <location line="-334"/>
        <source>Noise schedule</source>
        <translation>噪声调度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preview every</source>
        <translation>预览间隔</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The loss of each training step appears here once you press Start.</source>
        <translation>按下“开始”后，这里会显示每个训练步的损失。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Log scale</source>
        <translation>对数刻度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reset zoom</source>
        <translation>重置缩放</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The average reaches back about %L1 steps</source>
        <translation>平均值大约回溯 %L1 步</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No smoothing</source>
        <translation>不平滑</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Loss (drag to zoom)</source>
        <translation>损失（拖动以缩放）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Smoothing</source>
        <translation>平滑</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Loss per timestep bin over training</source>
        <translation>训练过程中各时间步区间的损失</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+200"/>
        <source>Samples appear here while training</source>
        <translation>训练期间样本将显示在此处</translation>
    </message>
    <message>
        <location line="-198"/>
        <source>Samples from fixed noise (EMA weights)</source>
        <translation>由固定噪声生成的样本（EMA 权重）</translation>
    </message>
    <message>
        <location line="+174"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Drawing samples at step %L1…</source>
        <translation>正在生成第 %L1 步的样本…</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>The next Start cannot train on %1: %2.</source>
        <translation>下次开始时无法在 %1 上训练：%2。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The model was trained on %1; the next Start goes on with %2.</source>
        <translation>该模型是在 %1 上训练的；下一次开始将在 %2 上继续。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Step %L1</source>
        <translation>第 %L1 步</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>warm-up</source>
        <translation>预热</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Changed: %1. Applies at the next Start.</source>
        <translation>已更改：%1。将在下次点击“开始”时生效。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The next Start cannot use this device: %1.</source>
        <translation>下次点击“开始”时无法使用此设备：%1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The model moves to %1 at the next Start.</source>
        <translation>模型将在下次点击“开始”时移到 %1 上。</translation>
    </message>
    <message>
        <location filename="../app/studio/views/follownote.cpp" line="+20"/>
        <source>Following %1: waiting for the run to write it.</source>
        <translation>正在跟踪 %1：等待训练运行写入该文件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Following %1, written %2 ago. Start trains a copy here; the run&apos;s file stays as it is.</source>
        <translation>正在跟踪 %1，%2 前写入。“开始”会在此训练一个副本；运行的文件保持不变。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Following %1: nothing written for %2; the run may have stopped.</source>
        <translation>正在跟踪 %1：已有 %2 没有写入；该运行可能已停止。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Following %1: the run finished at step %L2.</source>
        <translation>正在跟踪 %1：运行已在第 %L2 步完成。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Following %1: the file is gone; it opens again when the run writes it.</source>
        <translation>正在跟踪 %1：该文件已不存在；运行再次写入时会重新打开。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Following %1: the checkpoint last written cannot be opened: %2</source>
        <translation>正在跟踪 %1：最近写入的检查点无法打开：%2</translation>
    </message>
    <message>
        <location filename="../app/studio/views/trainingview.cpp" line="+78"/>
        <source>&lt;table cellspacing=&apos;3&apos;&gt;&lt;tr&gt;&lt;td&gt;Step&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;&lt;b&gt;%1&lt;/b&gt; / %2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Loss&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Learning rate&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Steps/s&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Images/s&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Elapsed&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;%7&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;ETA&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;%8&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table cellspacing=&apos;3&apos;&gt;&lt;tr&gt;&lt;td&gt;步数&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;&lt;b&gt;%1&lt;/b&gt; / %2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;损失&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;学习率&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;步/秒&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;图像/秒&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;已用时间&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;%7&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;预计剩余&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;%8&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
</context>
</TS>
