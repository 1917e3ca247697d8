/**
 * Hand-written evaluation set: CV snippets in Korean, English, Vietnamese and mixes, and position
 * descriptions, each with the skills a human reader tags in it (taxonomy ids) and, for positions, the CVs a
 * human recruiter would shortlist, most relevant first. Fictional people and companies. Labels were written
 * from the texts, not from the extractor's output; change them only when a label is wrong for the text.
 */

/** A CV snippet with the skills a reader tags in it. */
export interface EvaluationCv {
  readonly id: string
  readonly text: string
  readonly expectedSkills: readonly string[]
}

/** A position description with expected skills and the expected shortlist (best first). */
export interface EvaluationPosition {
  readonly id: string
  readonly text: string
  readonly expectedSkills: readonly string[]
  readonly expectedTopMatches: readonly string[]
}

/** The evaluation set used by `ieum scoring eval`. */
export const EVALUATION_SET: {
  readonly cvs: readonly EvaluationCv[]
  readonly positions: readonly EvaluationPosition[]
} = {
  cvs: [
    {
      id: 'cv01',
      text: `김지훈 · 컴퓨터비전 엔지니어 (서울)
파이토치를 활용한 객체 탐지 모델 개발 3년, YOLOv8 기반 불량 검출 시스템을 공장에 배포.
OpenCV로 영상처리 전처리 파이프라인 구현, 이미지 분할(U-Net) 프로젝트 수행.
연세대학교 전자공학 학사 졸업 2021.02 · 영어 OPIc IM2`,
      expectedSkills: [
        'computer-vision',
        'pytorch',
        'object-detection',
        'yolo',
        'opencv',
        'image-processing',
        'image-segmentation',
      ],
    },
    {
      id: 'cv02',
      text: `Trần Minh Đức — Kỹ sư AI (Hồ Chí Minh)
4 năm kinh nghiệm thị giác máy tính: phát hiện đối tượng với YOLO, nhận diện khuôn mặt cho hệ thống chấm công.
Thành thạo PyTorch và OpenCV, triển khai mô hình trên Docker.
Kỹ sư Khoa học Máy tính, Đại học Bách Khoa TP.HCM, tốt nghiệp 2020. TOPIK 3, IELTS 6.0`,
      expectedSkills: [
        'computer-vision',
        'object-detection',
        'yolo',
        'face-recognition',
        'pytorch',
        'opencv',
        'model-serving',
        'docker',
      ],
    },
    {
      id: 'cv03',
      text: `Priya Raman — Computer Vision Researcher
M.Sc. in Computer Science, KAIST, expected graduation 2026-02.
Research on image classification and semantic segmentation with PyTorch and vision transformers.
Published work on object detection for drone imagery. Python (5 years), CUDA basics. English C2, Korean A2.`,
      expectedSkills: [
        'computer-vision',
        'image-classification',
        'image-segmentation',
        'pytorch',
        'transformers',
        'object-detection',
        'python',
        'cuda',
      ],
    },
    {
      id: 'cv04',
      text: `Lê Thu Hà | AI engineer
Deep learning for medical imaging: phân vùng ảnh CT bằng U-Net, phân loại ảnh X-quang (PyTorch, MONAI).
Computer vision pipelines with OpenCV; data labeling with CVAT.
Thạc sĩ Khoa học dữ liệu, 2023. Tiếng Anh: IELTS 7.0`,
      expectedSkills: [
        'deep-learning',
        'medical-imaging',
        'image-segmentation',
        'image-classification',
        'pytorch',
        'computer-vision',
        'opencv',
        'data-labeling',
        'data-science',
      ],
    },
    {
      id: 'cv05',
      text: `Phạm Quang Huy — Kỹ sư LLM, Hà Nội
3 năm kinh nghiệm xử lý ngôn ngữ tự nhiên; xây dựng chatbot RAG với LangChain, FAISS và GPT-4.
Tinh chỉnh LLM bằng LoRA trên Hugging Face, triển khai với vLLM.
Python thành thạo, FastAPI. TOPIK II cấp 4, IELTS 6.5.`,
      expectedSkills: [
        'nlp',
        'rag',
        'langchain',
        'vector-database',
        'llm',
        'llm-fine-tuning',
        'hugging-face',
        'model-serving',
        'python',
        'fastapi',
      ],
    },
    {
      id: 'cv06',
      text: `박서연 | NLP 엔지니어
대규모 언어 모델 기반 검색 증강 생성(RAG) 서비스 개발, 벡터 DB(Milvus) 구축.
한국어 자연어처리: 형태소 분석, 개체명 인식, 텍스트 분류 모델 (PyTorch, Hugging Face).
경력 4년 · 고려대학교 컴퓨터학과 석사 졸업 2022.08 · 영어 비즈니스 회화`,
      expectedSkills: [
        'llm',
        'rag',
        'vector-database',
        'korean-nlp',
        'nlp',
        'named-entity-recognition',
        'text-classification',
        'pytorch',
        'hugging-face',
      ],
    },
    {
      id: 'cv07',
      text: `Daniel Okafor — Machine Learning Engineer (remote)
Built retrieval-augmented generation systems and LLM agents with LangChain and pgvector.
Prompt engineering and evaluation of large language models; fine-tuning LLMs with QLoRA.
6 years of experience. Python, Docker, AWS. English native; Korean basic.`,
      expectedSkills: [
        'machine-learning',
        'rag',
        'llm-agents',
        'langchain',
        'vector-database',
        'prompt-engineering',
        'llm',
        'llm-fine-tuning',
        'python',
        'docker',
        'aws',
      ],
    },
    {
      id: 'cv08',
      text: `Võ Thị Mai — AI Engineer
Phát triển hệ thống hỏi đáp dùng LLM + RAG cho ngân hàng, semantic search với Elasticsearch.
Chatbot tiếng Việt với PhoBERT; kinh nghiệm 2 năm. Python, SQL.
Cử nhân CNTT, Đại học Quốc gia Hà Nội, tốt nghiệp tháng 6/2022. Tiếng Anh TOEIC 850.`,
      expectedSkills: [
        'llm',
        'rag',
        'information-retrieval',
        'elasticsearch',
        'vietnamese-nlp',
        'python',
        'sql',
      ],
    },
    {
      id: 'cv09',
      text: `이도현 · 음성 AI 연구원
음성인식(ASR) 모델 개발 5년: Conformer, Whisper 파인튜닝, 한국어 음성 데이터 구축.
음성합성(TTS) 및 화자 분리 프로젝트, 신호처리 기반 잡음 제거.
PyTorch, Kaldi 경험. 서울대학교 전기정보공학 박사 졸업 2019.02`,
      expectedSkills: [
        'speech',
        'speech-recognition',
        'speech-synthesis',
        'speaker-recognition',
        'audio-signal-processing',
        'pytorch',
      ],
    },
    {
      id: 'cv10',
      text: `Nguyễn Thanh Tùng — Kỹ sư xử lý tiếng nói
Nhận dạng giọng nói tiếng Việt (ASR) với wav2vec2 và Whisper; tổng hợp giọng nói (TTS) cho tổng đài.
Xử lý tín hiệu âm thanh, PyTorch, ONNX. 3 năm kinh nghiệm.
Tiếng Hàn: TOPIK 5. Tiếng Anh: B2`,
      expectedSkills: [
        'speech',
        'speech-recognition',
        'speech-synthesis',
        'audio-signal-processing',
        'pytorch',
        'onnx',
      ],
    },
    {
      id: 'cv11',
      text: `Sofia Marquez — Audio ML Engineer
Speech recognition and speaker verification models (PyTorch, torchaudio), streaming ASR on device.
Signal processing background (MATLAB, DSP). 4 years of experience. B.Eng. Electrical Engineering, 2018.`,
      expectedSkills: [
        'speech-recognition',
        'speaker-recognition',
        'pytorch',
        'audio-signal-processing',
        'matlab',
        'embedded-ai',
        'machine-learning',
      ],
    },
    {
      id: 'cv12',
      text: `Kenji Watanabe — Recommender Systems Engineer
Designed two-tower retrieval and CTR prediction models for an e-commerce feed (TensorFlow, Spark).
Collaborative filtering, A/B testing, SQL and BigQuery. 5+ years of experience. JLPT N1, English fluent, Korean intermediate.`,
      expectedSkills: [
        'recommender-systems',
        'collaborative-filtering',
        'learning-to-rank',
        'tensorflow',
        'spark',
        'ab-testing',
        'sql',
        'data-warehouse',
      ],
    },
    {
      id: 'cv13',
      text: `최유진 | 추천시스템 엔지니어
커머스 추천 알고리즘 개발 (협업 필터링, 그래프 신경망), 개인화 랭킹 모델 운영.
PySpark·Airflow로 피처 파이프라인 구축, SQL 능숙. 경력 3년.
한양대학교 산업공학 학사 졸업 · 영어 TOEIC 880`,
      expectedSkills: [
        'recommender-systems',
        'collaborative-filtering',
        'graph-neural-networks',
        'spark',
        'airflow',
        'feature-store',
        'sql',
        'learning-to-rank',
      ],
    },
    {
      id: 'cv14',
      text: `Đặng Hoàng Nam — Data Scientist
Xây dựng hệ thống gợi ý sản phẩm cho sàn thương mại điện tử (lọc cộng tác, LightGBM).
Phân tích dữ liệu với pandas, SQL; trực quan hóa bằng Power BI. 2 năm kinh nghiệm.
Cử nhân Toán Tin, tốt nghiệp 2022. Tiếng Anh IELTS 6.5`,
      expectedSkills: [
        'recommender-systems',
        'collaborative-filtering',
        'lightgbm',
        'data-science',
        'pandas',
        'sql',
        'data-visualization',
      ],
    },
    {
      id: 'cv15',
      text: `Ahmed Hassan — MLOps Engineer
Operated ML platform on Kubernetes: Kubeflow pipelines, MLflow tracking, model serving with Triton Inference Server.
CI/CD with GitHub Actions, Docker, Terraform, Prometheus/Grafana monitoring. 5 years of experience.
AWS and GCP. English C1.`,
      expectedSkills: [
        'mlops',
        'kubernetes',
        'kubeflow',
        'mlflow',
        'model-serving',
        'ci-cd',
        'docker',
        'devops',
        'monitoring',
        'aws',
        'gcp',
      ],
    },
    {
      id: 'cv16',
      text: `Bùi Văn Long — Kỹ sư MLOps
Xây dựng pipeline huấn luyện và triển khai mô hình trên Kubernetes; theo dõi thí nghiệm với MLflow.
Docker, CI/CD (GitLab CI), Airflow; giám sát mô hình (data drift). 3 năm kinh nghiệm.
Linux, Python, Go. TOPIK 4급.`,
      expectedSkills: [
        'mlops',
        'model-serving',
        'kubernetes',
        'mlflow',
        'docker',
        'ci-cd',
        'airflow',
        'model-monitoring',
        'linux',
        'python',
        'experiment-tracking',
      ],
    },
    {
      id: 'cv17',
      text: `정민호 · ML 플랫폼 엔지니어
쿠버네티스 기반 모델 서빙 플랫폼 구축 (KServe), 도커 이미지 최적화.
MLflow 실험 관리, Argo/Jenkins CI/CD, 클라우드(AWS) 운영 경력 6년.
파이썬, Go 언어 능숙.`,
      expectedSkills: [
        'kubernetes',
        'model-serving',
        'docker',
        'mlflow',
        'ci-cd',
        'aws',
        'python',
        'golang',
        'mlops',
        'cloud',
        'experiment-tracking',
      ],
    },
    {
      id: 'cv18',
      text: `한승우 | 데이터 엔지니어
스파크와 카프카로 실시간 데이터 파이프라인 구축, 에어플로우 배치 오케스트레이션.
데이터 웨어하우스(BigQuery) 모델링, SQL·Python 능숙. 경력 5년.
성균관대학교 소프트웨어학과 졸업 2018`,
      expectedSkills: [
        'data-engineering',
        'spark',
        'kafka',
        'etl',
        'airflow',
        'data-warehouse',
        'sql',
        'python',
      ],
    },
    {
      id: 'cv19',
      text: `Hoàng Thị Lan — Data Engineer
Thiết kế pipeline dữ liệu ETL với Apache Airflow và Spark; xử lý luồng với Kafka.
Kho dữ liệu Snowflake, dbt. SQL, Python, Docker. 4 năm kinh nghiệm. Tiếng Anh tốt, tiếng Hàn sơ cấp.`,
      expectedSkills: [
        'data-engineering',
        'etl',
        'airflow',
        'spark',
        'kafka',
        'data-warehouse',
        'sql',
        'python',
        'docker',
      ],
    },
    {
      id: 'cv20',
      text: `Tom Becker — Data Platform Engineer
Batch and streaming pipelines (Spark, Flink, Kafka), Airflow DAGs, lakehouse on Databricks.
Strong SQL and Scala; Terraform on AWS. 7 years of experience.`,
      expectedSkills: ['spark', 'kafka', 'airflow', 'data-engineering', 'sql', 'scala', 'devops', 'aws'],
    },
    {
      id: 'cv21',
      text: `윤태양 · 로보틱스 엔지니어
ROS2 기반 자율주행 로봇 개발, 라이다 SLAM 및 경로 계획 구현 (C++).
센서 퓨전(칼만 필터), 포인트 클라우드 처리 경험. 경력 4년.
KAIST 기계공학 석사 졸업 2021.02`,
      expectedSkills: [
        'ros',
        'autonomous-driving',
        'robotics',
        'lidar',
        'slam',
        'motion-planning',
        'cpp',
        'sensor-fusion',
        'point-cloud',
      ],
    },
    {
      id: 'cv22',
      text: `Đỗ Minh Khoa — Kỹ sư Robot
Lập trình robot công nghiệp với ROS, lập kế hoạch đường đi cho AGV, điều khiển PID.
C++, Python; mô phỏng trên Gazebo. 2 năm kinh nghiệm.
Kỹ sư Cơ điện tử, Đại học Bách Khoa Đà Nẵng, tốt nghiệp 2022. Tiếng Anh B1.`,
      expectedSkills: ['robotics', 'ros', 'motion-planning', 'control-systems', 'cpp', 'python'],
    },
    {
      id: 'cv23',
      text: `Elena Petrova — Robot Learning Researcher
Deep reinforcement learning for robot manipulation; sim-to-real with ROS and MuJoCo.
Visual SLAM and 3D vision for grasping. PyTorch, C++. PhD candidate, expected graduation 2025-12.`,
      expectedSkills: ['reinforcement-learning', 'robotics', 'ros', 'slam', '3d-vision', 'pytorch', 'cpp'],
    },
    {
      id: 'cv24',
      text: `Ngô Đức Thịnh — Kỹ sư AI nhúng
Tối ưu mô hình cho thiết bị biên: lượng tử hóa INT8, TensorRT trên NVIDIA Jetson Orin.
Chuyển đổi mô hình PyTorch sang ONNX; lập trình C++ và CUDA. 3 năm kinh nghiệm.
Tiếng Hàn TOPIK 3급, tiếng Anh TOEIC 750.`,
      expectedSkills: [
        'embedded-ai',
        'model-optimization',
        'quantization',
        'tensorrt',
        'nvidia-jetson',
        'pytorch',
        'onnx',
        'cpp',
        'cuda',
      ],
    },
    {
      id: 'cv25',
      text: `강하늘 | 온디바이스 AI 엔지니어
모델 경량화(양자화, 지식 증류)와 TFLite 변환으로 스마트폰 온디바이스 AI 구현.
임베디드 리눅스, C/C++, 안드로이드 NNAPI. 경력 3년. 부산대학교 컴퓨터공학 학사 졸업 2020.02`,
      expectedSkills: [
        'embedded-ai',
        'model-optimization',
        'quantization',
        'tflite',
        'embedded-systems',
        'linux',
        'c-lang',
        'cpp',
        'mobile',
      ],
    },
    {
      id: 'cv26',
      text: `Raj Patel — Edge AI Engineer
Deployed detection models on Jetson Xavier and STM32 microcontrollers (TinyML).
TensorRT, ONNX Runtime, post-training quantization; embedded C and C++. 5 years of experience.`,
      expectedSkills: [
        'nvidia-jetson',
        'embedded-systems',
        'embedded-ai',
        'tensorrt',
        'onnx',
        'quantization',
        'c-lang',
        'cpp',
      ],
    },
    {
      id: 'cv27',
      text: `오세진 · 3D 비전 연구원
포인트 클라우드 기반 3D 객체 탐지(PointNet++), 라이다-카메라 캘리브레이션.
NeRF를 이용한 3D 재구성, Open3D·PyTorch 사용. 경력 3년. 영어 IELTS 7.5`,
      expectedSkills: [
        '3d-vision',
        'point-cloud',
        'object-detection',
        'lidar',
        '3d-reconstruction',
        'pytorch',
      ],
    },
    {
      id: 'cv28',
      text: `Lucas Martin — 3D Computer Vision Engineer
Point cloud segmentation for autonomous vehicles, LiDAR processing with PCL and C++.
Multi-view geometry, depth estimation, Gaussian splatting. PyTorch. 4 years of experience.`,
      expectedSkills: [
        'point-cloud',
        'autonomous-driving',
        'lidar',
        'cpp',
        '3d-vision',
        '3d-reconstruction',
        'pytorch',
        'image-segmentation',
      ],
    },
    {
      id: 'cv29',
      text: `Trịnh Văn Hậu — Nghiên cứu viên thị giác 3D
Xử lý đám mây điểm từ LiDAR cho xe tự hành; tái tạo 3D bằng photogrammetry.
PyTorch, Open3D, C++. Thạc sĩ, Đại học Công nghệ, tốt nghiệp 2024. Tiếng Anh IELTS 6.5`,
      expectedSkills: [
        '3d-vision',
        'point-cloud',
        'lidar',
        'autonomous-driving',
        '3d-reconstruction',
        'pytorch',
        'cpp',
      ],
    },
    {
      id: 'cv30',
      text: `Maria Lopez — Forecasting Data Scientist
Demand forecasting and time series models (Prophet, LightGBM, LSTM) for retail.
Anomaly detection on sensor streams; pandas, NumPy, SQL. 4 years of experience. MSc Statistics.`,
      expectedSkills: [
        'forecasting',
        'time-series',
        'lightgbm',
        'rnn',
        'anomaly-detection',
        'pandas',
        'numpy',
        'sql',
        'statistics',
      ],
    },
    {
      id: 'cv31',
      text: `Lý Thanh Bình — Kỹ sư học máy
Dự báo chuỗi thời gian cho nhà máy điện mặt trời; phát hiện bất thường thiết bị (predictive maintenance).
XGBoost, PyTorch, pandas. 3 năm kinh nghiệm. Tiếng Hàn TOPIK 4, tiếng Anh B2.`,
      expectedSkills: [
        'machine-learning',
        'forecasting',
        'time-series',
        'anomaly-detection',
        'xgboost',
        'pytorch',
        'pandas',
      ],
    },
    {
      id: 'cv32',
      text: `서민재 | 시계열 분석가
제조 설비 이상 탐지 및 예지 정비 모델 개발, 시계열 예측(ARIMA, LSTM).
Python, scikit-learn, 통계 기반 공정 분석. 경력 2년. 인하대학교 통계학 석사 재학 중(졸업 예정 2026.02)`,
      expectedSkills: [
        'anomaly-detection',
        'time-series',
        'forecasting',
        'rnn',
        'python',
        'scikit-learn',
        'statistics',
      ],
    },
    {
      id: 'cv33',
      text: `Nguyễn Hải Yến — Kỹ sư NLP
Phân loại văn bản và nhận dạng thực thể có tên cho tiếng Việt (PhoBERT, Hugging Face Transformers).
Dịch máy Việt–Hàn, phân tích cảm xúc. 2 năm kinh nghiệm. Tiếng Hàn TOPIK 5급, tiếng Anh IELTS 7.0`,
      expectedSkills: [
        'text-classification',
        'named-entity-recognition',
        'vietnamese-nlp',
        'hugging-face',
        'machine-translation',
        'sentiment-analysis',
        'nlp',
      ],
    },
    {
      id: 'cv34',
      text: `임수아 · 자연어처리 연구원
BERT 기반 감성 분석과 문서 분류, 기계번역 품질 평가 연구.
PyTorch, Hugging Face 능숙. 경력 3년. 서강대학교 컴퓨터공학 석사 졸업 2023.02`,
      expectedSkills: [
        'nlp',
        'transformers',
        'sentiment-analysis',
        'text-classification',
        'machine-translation',
        'pytorch',
        'hugging-face',
      ],
    },
    {
      id: 'cv35',
      text: `배준영 | 의료 AI 엔지니어
의료영상(CT, MRI) 병변 분할 및 분류 모델 개발, 3D U-Net, PyTorch.
DICOM 데이터 파이프라인, 라벨링 툴 운영. 경력 4년. 영어 TOEIC 900`,
      expectedSkills: ['medical-imaging', 'image-segmentation', 'pytorch', 'data-labeling'],
    },
    {
      id: 'cv36',
      text: `Phan Ngọc Anh — Nghiên cứu AI y tế
Phân đoạn ảnh y tế (MRI não) bằng học sâu; phân loại ảnh da liễu với CNN.
PyTorch, TensorFlow, Python. Thạc sĩ, tốt nghiệp 2022. Tiếng Anh IELTS 7.5, tiếng Hàn sơ cấp.`,
      expectedSkills: [
        'image-segmentation',
        'medical-imaging',
        'deep-learning',
        'image-classification',
        'cnn',
        'pytorch',
        'tensorflow',
        'python',
      ],
    },
    {
      id: 'cv37',
      text: `Chloe Kim — Generative AI Engineer
Fine-tuned Stable Diffusion with LoRA and ControlNet for product image generation.
GANs for style transfer; multimodal vision-language models. PyTorch expert, 4 years of experience.`,
      expectedSkills: [
        'diffusion-models',
        'llm-fine-tuning',
        'image-generation',
        'gan',
        'multimodal',
        'pytorch',
        'generative-ai',
      ],
    },
    {
      id: 'cv38',
      text: `송다은 · 생성형 AI 개발자
디퓨전 모델 기반 이미지 생성 서비스 개발, 텍스트-이미지 파인튜닝.
멀티모달 모델(CLIP) 활용 검색, PyTorch, 파이썬. 경력 2년.`,
      expectedSkills: [
        'generative-ai',
        'diffusion-models',
        'image-generation',
        'multimodal',
        'pytorch',
        'python',
      ],
    },
    {
      id: 'cv39',
      text: `Trương Mỹ Linh — Chuyên viên phân tích dữ liệu
Phân tích dữ liệu người dùng, thử nghiệm A/B, thống kê; dashboard Tableau.
SQL thành thạo, Python (pandas). 3 năm kinh nghiệm. Tiếng Anh IELTS 7.0`,
      expectedSkills: [
        'data-science',
        'ab-testing',
        'statistics',
        'data-visualization',
        'sql',
        'python',
        'pandas',
      ],
    },
    {
      id: 'cv40',
      text: `장예린 | 데이터 분석가
서비스 지표 분석, A/B 테스트 설계, 통계 모델링. SQL·R 언어·Tableau 활용.
경력 4년. 이화여자대학교 통계학 학사 졸업 2020.02`,
      expectedSkills: ['data-science', 'ab-testing', 'statistics', 'sql', 'r-lang', 'data-visualization'],
    },
    {
      id: 'cv41',
      text: `Đinh Công Minh — Backend Developer (AI platform)
Phát triển REST API với FastAPI và PostgreSQL, Redis cache; đóng gói Docker, triển khai AWS.
Python, Celery, CI/CD. 4 năm kinh nghiệm. Tiếng Anh TOEIC 800.`,
      expectedSkills: ['backend', 'fastapi', 'postgresql', 'redis', 'docker', 'aws', 'python', 'ci-cd'],
    },
    {
      id: 'cv42',
      text: `Oliver Smith — Software Engineer
Python microservices (FastAPI, Django) serving ML models, PostgreSQL, Kubernetes on AWS.
TypeScript and React for internal tools. 6 years of experience.`,
      expectedSkills: [
        'backend',
        'python',
        'fastapi',
        'django',
        'model-serving',
        'postgresql',
        'kubernetes',
        'aws',
        'typescript',
        'react',
      ],
    },
    {
      id: 'cv43',
      text: `문재원 · 강화학습 연구원
강화학습 기반 물류 로봇 제어 및 스케줄링 최적화, 시뮬레이터 구축.
PyTorch, JAX, 파이썬. 경력 3년. 포항공대 산업경영공학 박사 수료`,
      expectedSkills: ['reinforcement-learning', 'robotics', 'optimization', 'pytorch', 'jax', 'python'],
    },
    {
      id: 'cv44',
      text: `Vũ Hoàng Anh — Frontend Developer
Phát triển giao diện web với React, Next.js, TypeScript; tích hợp API.
HTML/CSS, Figma. 3 năm kinh nghiệm. Tiếng Anh giao tiếp.`,
      expectedSkills: ['react', 'typescript', 'frontend'],
    },
    {
      id: 'cv45',
      text: `조은비 | AI 부트캠프 수료생
파이썬 기초, 머신러닝(사이킷런)과 딥러닝 기초 학습, 캐글 타이타닉 프로젝트.
데이터 분석(판다스) 미니 프로젝트. 신입. 한국외국어대학교 베트남어과 학사 졸업 예정 2025.08`,
      expectedSkills: [
        'python',
        'machine-learning',
        'scikit-learn',
        'deep-learning',
        'data-science',
        'pandas',
      ],
    },
  ],
  positions: [
    {
      id: 'p01',
      text: `[비전에이아이] 컴퓨터 비전 엔지니어 (서울 상주)
자격 요건
- 객체 탐지 또는 이미지 분할 모델 개발 경험 2년 이상
- PyTorch, OpenCV 능숙
우대 사항
- YOLO 경량화 및 TensorRT 배포 경험`,
      expectedSkills: [
        'computer-vision',
        'object-detection',
        'image-segmentation',
        'pytorch',
        'opencv',
        'yolo',
        'tensorrt',
        'model-optimization',
      ],
      expectedTopMatches: ['cv01', 'cv02', 'cv03', 'cv04'],
    },
    {
      id: 'p02',
      text: `LLM Engineer — Seoul AI startup (hybrid, remote from Vietnam possible)
Requirements: experience building RAG systems with LangChain or LlamaIndex and a vector database;
fine-tuning large language models; strong Python.
Nice to have: Korean (TOPIK 4+), FastAPI, Docker.`,
      expectedSkills: [
        'llm',
        'rag',
        'langchain',
        'vector-database',
        'llm-fine-tuning',
        'python',
        'fastapi',
        'docker',
      ],
      expectedTopMatches: ['cv05', 'cv07', 'cv06', 'cv08'],
    },
    {
      id: 'p03',
      text: `Kỹ sư nhận dạng giọng nói (làm việc từ xa)
Yêu cầu: kinh nghiệm ASR với PyTorch, xử lý tín hiệu âm thanh; tiếng Anh tốt.
Ưu tiên: tổng hợp giọng nói (TTS), tiếng Hàn.`,
      expectedSkills: ['speech-recognition', 'pytorch', 'audio-signal-processing', 'speech-synthesis'],
      expectedTopMatches: ['cv10', 'cv09', 'cv11'],
    },
    {
      id: 'p04',
      text: `추천 시스템 엔지니어 (판교)
- 추천 알고리즘(협업 필터링, 랭킹 모델) 개발 경력 3년 이상
- Spark, SQL 활용 대용량 데이터 처리
- 우대: A/B 테스트 경험, TensorFlow`,
      expectedSkills: [
        'recommender-systems',
        'collaborative-filtering',
        'learning-to-rank',
        'spark',
        'sql',
        'ab-testing',
        'tensorflow',
      ],
      expectedTopMatches: ['cv12', 'cv13', 'cv14'],
    },
    {
      id: 'p05',
      text: `MLOps Engineer
Must: Kubernetes, Docker, CI/CD, model serving in production, MLflow or Kubeflow.
Plus: monitoring with Prometheus/Grafana, AWS.
3+ years of experience.`,
      expectedSkills: [
        'kubernetes',
        'docker',
        'ci-cd',
        'model-serving',
        'mlflow',
        'kubeflow',
        'monitoring',
        'aws',
        'mlops',
      ],
      expectedTopMatches: ['cv15', 'cv17', 'cv16'],
    },
    {
      id: 'p06',
      text: `Data Engineer (Hà Nội hoặc Seoul)
Yêu cầu: xây dựng pipeline dữ liệu với Spark, Airflow, Kafka; SQL thành thạo; kho dữ liệu (BigQuery/Snowflake).
Ưu tiên: Python, Docker.`,
      expectedSkills: [
        'etl',
        'spark',
        'airflow',
        'kafka',
        'sql',
        'data-warehouse',
        'python',
        'docker',
        'data-engineering',
      ],
      expectedTopMatches: ['cv18', 'cv19', 'cv20'],
    },
    {
      id: 'p07',
      text: `로봇 소프트웨어 엔지니어
자격 요건: ROS2, C++ 능숙, SLAM 또는 경로 계획 구현 경험
우대 사항: 강화학습, 센서 퓨전`,
      expectedSkills: [
        'ros',
        'cpp',
        'slam',
        'motion-planning',
        'reinforcement-learning',
        'sensor-fusion',
        'robotics',
      ],
      expectedTopMatches: ['cv21', 'cv22', 'cv23'],
    },
    {
      id: 'p08',
      text: `Edge AI Engineer (on-site, Daejeon)
Requirements: model quantization and TensorRT/ONNX deployment on NVIDIA Jetson; C++ and CUDA.
Preferred: TFLite, embedded Linux.`,
      expectedSkills: [
        'quantization',
        'tensorrt',
        'onnx',
        'nvidia-jetson',
        'cpp',
        'cuda',
        'tflite',
        'embedded-systems',
        'embedded-ai',
        'linux',
      ],
      expectedTopMatches: ['cv24', 'cv26', 'cv25'],
    },
    {
      id: 'p09',
      text: `3D 비전 연구원
필수: 포인트 클라우드 처리, LiDAR 데이터 경험, PyTorch
우대: 3D 재구성(NeRF), C++`,
      expectedSkills: ['3d-vision', 'point-cloud', 'lidar', 'pytorch', '3d-reconstruction', 'cpp'],
      expectedTopMatches: ['cv27', 'cv28', 'cv29', 'cv21'],
    },
    {
      id: 'p10',
      text: `Time Series ML Engineer — smart factory
Requirements: time series forecasting and anomaly detection in production; Python, pandas.
Nice to have: PyTorch, LSTM.`,
      expectedSkills: [
        'time-series',
        'forecasting',
        'anomaly-detection',
        'python',
        'pandas',
        'pytorch',
        'rnn',
        'machine-learning',
      ],
      expectedTopMatches: ['cv31', 'cv30', 'cv32'],
    },
    {
      id: 'p11',
      text: `NLP Engineer (Korean–Vietnamese)
Yêu cầu: xử lý ngôn ngữ tự nhiên, Hugging Face Transformers, phân loại văn bản, nhận dạng thực thể.
Ưu tiên: dịch máy, tiếng Hàn TOPIK 4 trở lên.`,
      expectedSkills: [
        'nlp',
        'hugging-face',
        'text-classification',
        'named-entity-recognition',
        'machine-translation',
      ],
      expectedTopMatches: ['cv33', 'cv34', 'cv06'],
    },
    {
      id: 'p12',
      text: `의료영상 AI 연구원
- 의료 영상 분할/분류 딥러닝 모델 개발 (PyTorch)
- 석사 이상
- 우대: 데이터 라벨링 파이프라인 경험`,
      expectedSkills: [
        'medical-imaging',
        'image-segmentation',
        'image-classification',
        'deep-learning',
        'pytorch',
        'data-labeling',
      ],
      expectedTopMatches: ['cv35', 'cv36', 'cv04'],
    },
    {
      id: 'p13',
      text: `Generative AI Engineer
Requirements: diffusion models for image generation, PyTorch.
Nice to have: multimodal models, LoRA fine-tuning.`,
      expectedSkills: [
        'diffusion-models',
        'image-generation',
        'pytorch',
        'multimodal',
        'llm-fine-tuning',
        'generative-ai',
      ],
      expectedTopMatches: ['cv37', 'cv38'],
    },
    {
      id: 'p14',
      text: `Chuyên viên khoa học dữ liệu (Data Scientist)
Yêu cầu: SQL, thống kê, thử nghiệm A/B, trực quan hóa dữ liệu.
Ưu tiên: Python, R.`,
      expectedSkills: [
        'sql',
        'statistics',
        'ab-testing',
        'data-visualization',
        'python',
        'r-lang',
        'data-science',
      ],
      expectedTopMatches: ['cv40', 'cv39', 'cv14'],
    },
    {
      id: 'p15',
      text: `AI 서비스 백엔드 개발자
자격 요건: Python FastAPI 기반 API 개발, PostgreSQL, Docker
우대 사항: AWS, Kubernetes, 모델 서빙 경험`,
      expectedSkills: [
        'python',
        'fastapi',
        'postgresql',
        'docker',
        'aws',
        'kubernetes',
        'model-serving',
        'backend',
      ],
      expectedTopMatches: ['cv41', 'cv42'],
    },
    {
      id: 'p16',
      text: `Reinforcement Learning Researcher (robotics)
Requirements: deep reinforcement learning, PyTorch or JAX, robotics simulation.
Preferred: ROS.`,
      expectedSkills: ['reinforcement-learning', 'pytorch', 'jax', 'robotics', 'ros'],
      expectedTopMatches: ['cv43', 'cv23'],
    },
  ],
}
